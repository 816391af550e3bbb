package org.harl.core.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packages of the core depend one way, from the bottom of {@link #LAYERS} up, and never in a cycle. */
class PackageLayersTest {

    /** Lowest first: each package may use only those before it. */
    static final List<String> LAYERS = List.of("config", "registry", "data", "masks", "run", "train", "eval", "sweep",
            "jobs", "guice");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.harl.core");

    @Test
    void noPackageCycles() {
        slices().matching("org.harl.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void packagesDependOnlyOnLowerLayers() {
        rule(LAYERS).check(CORE);
    }

    static LayeredArchitecture rule(List<String> layers) {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : layers) {
            arch = arch.layer(layer).definedBy("org.harl.core." + layer + "..");
        }
        arch = arch.whereLayer(layers.get(0)).mayNotAccessAnyLayer();
        for (int i = 1; i < layers.size(); i++) {
            arch = arch.whereLayer(layers.get(i)).mayOnlyAccessLayers(
                    Arrays.copyOf(layers.subList(0, i).toArray(new String[0]), i));
        }
        return arch;
    }
}
