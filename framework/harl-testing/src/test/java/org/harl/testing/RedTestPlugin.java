package org.harl.testing;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.PluginContext;
import org.harl.spi.mask.MaskProposer;

/** Registers {@link MaskProposerChecksTest#RED} as {@code red_test}, so the contract runs end to end here. */
public final class RedTestPlugin implements HarlPlugin {

    /** No settings. */
    public record NoConfig() {
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(new ComponentFactory<NoConfig, MaskProposer>() {
            @Override
            public ComponentKind kind() {
                return ComponentKind.MASK_PROPOSER;
            }

            @Override
            public String name() {
                return "red_test";
            }

            @Override
            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            @Override
            public NoConfig defaults() {
                return new NoConfig();
            }

            @Override
            public MaskProposer create(NoConfig config, PluginContext context) {
                return MaskProposerChecksTest.RED;
            }
        });
    }
}
