package org.harl.plugins.datasets.folder;

import java.nio.file.Path;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.data.DatasetSource;

/** Registers {@code image_folder}. */
public final class ImageFolderFactory implements ComponentFactory<ImageFolderConfig, DatasetSource> {

    @Override
    public ComponentKind kind() {
        return ComponentKind.DATASET;
    }

    @Override
    public String name() {
        return "image_folder";
    }

    @Override
    public String description() {
        return "root/<class>/<file>.{jpg,jpeg,png} with optional masks at the same relative paths (.png)";
    }

    @Override
    public Class<ImageFolderConfig> configType() {
        return ImageFolderConfig.class;
    }

    @Override
    public ImageFolderConfig defaults() {
        return ImageFolderConfig.defaults();
    }

    @Override
    public DatasetSource create(ImageFolderConfig config, PluginContext context) {
        Path cache = config.indexCache().isEmpty() ? defaultCache() : context.resolvePath(config.indexCache());
        return new ImageFolder(config, context::resolvePath, cache);
    }

    /** {@code ~/.cache/harl/image-index} (XDG_CACHE_HOME respected). */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("harl").resolve("image-index");
    }
}
