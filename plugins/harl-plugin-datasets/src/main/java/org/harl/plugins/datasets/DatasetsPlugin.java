package org.harl.plugins.datasets;

import java.util.List;
import org.harl.plugins.datasets.fashion.FashionComposites;
import org.harl.plugins.datasets.fashion.FashionMnist;
import org.harl.plugins.datasets.folder.ImageFolder;
import org.harl.plugins.datasets.synthetic.SyntheticObjects;
import org.harl.spi.ComponentFactory;
import org.harl.spi.HarlPlugin;

/** Datasets: {@code synthetic_objects}, {@code fashion_mnist}, {@code fashion_composites}, {@code image_folder}. */
public final class DatasetsPlugin implements HarlPlugin {

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(SyntheticObjects.FACTORY, FashionMnist.FACTORY, FashionComposites.FACTORY, ImageFolder.FACTORY);
    }
}
