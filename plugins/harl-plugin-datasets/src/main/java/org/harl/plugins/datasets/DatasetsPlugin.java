package org.harl.plugins.datasets;

import java.util.List;
import org.harl.plugins.datasets.fashion.FashionCompositesFactory;
import org.harl.plugins.datasets.fashion.FashionMnistFactory;
import org.harl.plugins.datasets.folder.ImageFolderFactory;
import org.harl.plugins.datasets.synthetic.SyntheticObjectsFactory;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Datasets: {@code synthetic_objects}, {@code fashion_mnist}, {@code fashion_composites}, {@code image_folder}. */
public final class DatasetsPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(new SyntheticObjectsFactory(), new FashionMnistFactory(), new FashionCompositesFactory(),
                new ImageFolderFactory());
    }
}
