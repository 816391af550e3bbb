package org.harl.core.config;

import org.harl.spi.config.Doc;
import org.harl.spi.config.InvalidConfigException;

/** The {@code heads:} section: the projector and predictor MLPs (Linear, BN, ReLU, Linear), shared by all branches. */
public record HeadsConfig(
        @Doc("projector hidden width") int projectorHidden,
        @Doc("projection (embedding) size") int projectionSize,
        @Doc("predictor hidden width") int predictorHidden) {

    public HeadsConfig {
        InvalidConfigException.check(projectorHidden >= 1, "projector_hidden", "must be >= 1");
        InvalidConfigException.check(projectionSize >= 1, "projection_size", "must be >= 1");
        InvalidConfigException.check(predictorHidden >= 1, "predictor_hidden", "must be >= 1");
    }

    public static HeadsConfig defaults() {
        return new HeadsConfig(4096, 256, 4096);
    }
}
