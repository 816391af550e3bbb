package org.harl.plugins.masks.contract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.plugins.masks.DrfiConfig;
import org.harl.plugins.masks.DrfiProposer;
import org.harl.plugins.masks.DrfiTraining;
import org.harl.plugins.masks.RegressionForest;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.ContractImages;
import org.harl.testing.MaskProposerContract;

/**
 * The contract on {@code drfi} built through its factory. The build has no bundled forest yet, so the test trains
 * a small one (two levels, 8 trees) on contract-style images and names it in {@code model}; once the forest is
 * bundled, {@code create()} can use {@code f.defaults()} as the other contract tests do.
 */
class DrfiContractTest extends MaskProposerContract {

    private static Path forest;

    private static synchronized Path forest(DrfiConfig config) {
        if (forest == null) {
            DrfiTraining training = new DrfiTraining(config, 20, 5);
            for (int i = 0; i < 6; i++) {
                Sample s = ContractImages.disc(48 + 4 * i, 40, 100 + i);
                training.add(i, s.image(), s.groundTruth());
            }
            RegressionForest trained = training.train(8, 6, 15, 3);
            try {
                forest = Files.createTempFile("drfi-contract", ".bin.gz");
                forest.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(forest)) {
                    trained.write(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return forest;
    }

    @Override
    protected MaskProposer create() {
        DrfiProposer.Factory f = new DrfiProposer.Factory();
        DrfiConfig d = f.defaults();
        DrfiConfig twoLevels = new DrfiConfig(d.levels().subList(0, 2), d.referencePixels(), d.maxThreshold(),
                d.minComponentFraction(), "");
        Path model = forest(twoLevels);
        return f.create(new DrfiConfig(twoLevels.levels(), d.referencePixels(), d.maxThreshold(),
                d.minComponentFraction(), model.toString()), context());
    }

    @Override
    protected boolean binary() {
        return true;
    }

    @Override
    protected String registeredName() {
        return "drfi";
    }
}
