package org.harl.core.registry;

import java.nio.file.Path;
import org.harl.spi.encoder.FrozenEncoder;

/**
 * Loads a trained run's frozen encoder for {@link org.harl.spi.PluginContext#openEncoder}. An interface here, bound
 * by the Guice module, because loading runs belongs to the training code, which itself builds components through
 * this package.
 */
public interface EncoderOpener {

    /** Opens the encoder of the run in {@code runDirectory}; errors name the directory. */
    FrozenEncoder open(Path runDirectory);
}
