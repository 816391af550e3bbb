package org.harl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layers point one way: tools ({@code org.harl.cli}: the product CLI, and the developer tools bench and
 * reports beside it) -> plugins ({@code org.harl.plugins.*}) -> framework
 * (core, testing) -> SPI. Plugins see only the SPI (and harl-testing in their tests), so a plugin jar works with any
 * core that implements the SPI. Plain JUnit tests, not {@code @ArchTest} fields: Surefire 3.5.3 silently skips
 * those.
 */
class ModuleLayersTest {

    private static final String SPI = "org.harl.spi..";
    private static final String CORE = "org.harl.core..";
    private static final String TESTING = "org.harl.testing..";
    private static final String PLUGINS = "org.harl.plugins..";
    private static final String CLI = "org.harl.cli..";
    private static final String SPARK = "org.harl.spark..";

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.harl");
    }

    @Test
    void importSeesEveryModule() {
        for (String name : List.of("org.harl.spi.HarlPlugin", "org.harl.core.registry.PluginRegistry",
                "org.harl.testing.MaskProposerContract", "org.harl.cli.HarlCommand",
                "org.harl.cli.bench.BenchCommand", "org.harl.cli.report.ReportCommand",
                "org.harl.plugins.backbones.BackbonesPlugin", "org.harl.plugins.losses.LossesPlugin",
                "org.harl.plugins.augmentations.AugmentationsPlugin", "org.harl.plugins.datasets.DatasetsPlugin",
                "org.harl.plugins.masks.MasksPlugin", "org.harl.plugins.trackers.TrackersPlugin",
                "org.harl.plugins.deepmasks.DeepMasksPlugin", "org.harl.plugins.examplemasks.ExampleMasksPlugin",
                "org.harl.spark.SparkJobs")) {
            assertTrue(main.contain(name), "the import misses " + name + ": the rules below would pass vacuously");
        }
    }

    @Test
    void spiDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(SPI)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, TESTING, PLUGINS, CLI)
                .because("the SPI is the bottom layer: plugins compile against it alone")
                .check(main);
    }

    @Test
    void pluginsSeeOnlyTheSpi() {
        noClasses().that().resideInAPackage(PLUGINS)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, TESTING, CLI)
                .because("a plugin reaches the core only through org.harl.spi (PluginContext)")
                .check(main);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        slices().matching("org.harl.plugins.(*)..").should().notDependOnEachOther()
                .because("each plugin module depends on the SPI only, not on another plugin")
                .check(main);
    }

    @Test
    void coreNamesNoPluginOrTool() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(TESTING, PLUGINS, CLI)
                .because("the core finds plugins through ServiceLoader and never names them")
                .check(main);
    }

    @Test
    void testingSeesOnlyTheSpi() {
        noClasses().that().resideInAPackage(TESTING)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, PLUGINS, CLI)
                .because("plugin authors test against harl-testing without a core")
                .check(main);
    }

    /**
     * The product CLI (the tools/harl-cli module) parses options, calls jobs (core or SPI) and prints; what a command
     * does lives below it. The developer tools beside it (tools/harl-bench, tools/harl-reports: same
     * {@code org.harl.cli} packages, their own modules) may name plugin classes, since they time and publish through
     * plugin internals; the product CLI finds them only through {@code SubcommandProvider}.
     */
    @Test
    void productCliCallsJobsNotPluginInternals() {
        JavaClasses cli = new ClassFileImporter().importPaths(moduleClasses("tools/harl-cli"));
        assertTrue(cli.contain("org.harl.cli.HarlCommand") && cli.contain("org.harl.cli.masks.TrainDrfiCommand"),
                "the import misses the CLI's commands: the rule would pass vacuously");
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAPackage(PLUGINS)
                .because("the CLI calls jobs (org.harl.core.jobs) and the SPI; plugin classes stay behind them")
                .check(cli);
    }

    /** The product CLI names no class of the developer tools (they join through SubcommandProvider). */
    @Test
    void productCliNamesNoDeveloperTool() {
        JavaClasses cli = new ClassFileImporter().importPaths(moduleClasses("tools/harl-cli"));
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage("org.harl.cli.bench..", "org.harl.cli.report..",
                        "org.harl.cli.wandb..")
                .because("benchmarks and reports are developer tools in their own modules")
                .check(cli);
    }

    /** A module's compiled main classes, e.g. tools/harl-cli/target/classes; fails if it was not built. */
    private static Path moduleClasses(String module) {
        Path classes = Path.of(System.getProperty("harl.root", "../..")).resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes), "no compiled classes in " + classes + ": build with the reactor "
                + "(mvn -pl tools/harl-architecture-tests -am verify)");
        return classes;
    }

    /** Spark loads only for a {@code --spark} command: harl-spark alone names it; the CLI finds it by ServiceLoader. */
    @Test
    void onlyTheSparkModuleNamesSpark() {
        noClasses().that().resideOutsideOfPackage(SPARK)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", SPARK)
                .because("./harl run and the other modules' tests must not load Spark")
                .check(main);
        noClasses().that().resideInAPackage(SPARK).should().dependOnClassesThat().resideInAPackage(PLUGINS)
                .because("Spark tasks call the library jobs (org.harl.core.jobs), not plugin internals")
                .check(main);
    }

    /** Plugin tests may add harl-testing, nothing else of the project. */
    @Test
    void pluginTestsSeeOnlyTheSpiAndTesting() {
        JavaClasses tests = new ClassFileImporter().importPaths(pluginTestClassFolders());
        noClasses().that().resideInAPackage(PLUGINS).should().dependOnClassesThat().resideInAnyPackage(CORE, CLI)
                .because("plugin tests run against harl-testing's contexts and fixtures, not a core")
                .check(tests);
        slices().matching("org.harl.plugins.(*)..").should().notDependOnEachOther().check(tests);
    }

    /** Every plugin module's compiled test classes; fails if one is missing (built outside the reactor). */
    private static List<Path> pluginTestClassFolders() {
        Path plugins = Path.of(System.getProperty("harl.root", "../..")).resolve("plugins");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(plugins)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path classes = module.resolve("target/test-classes/org/harl/plugins");
                assertTrue(Files.isDirectory(classes), "no compiled tests in " + classes + ": build this module "
                        + "with the reactor (mvn -pl tools/harl-architecture-tests -am verify)");
                out.add(module.resolve("target/test-classes"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + plugins, e);
        }
        assertTrue(out.size() >= 8, "expected the 8 plugin modules under " + plugins + ", found " + out);
        return out;
    }
}
