package org.harl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layers point one way: tools ({@code org.harl.cli}) -> plugins ({@code org.harl.plugins.*}) -> framework
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
     * CLI classes that still name plugin classes, each with why; the rule below fails for any other, and for an entry
     * that no longer needs to be here. Shrink it as their areas move behind jobs or the SPI.
     */
    static final Map<String, String> CLI_PLUGIN_ALLOWED = Map.of(
            "org.harl.cli.masks.TrainDrfiCommand",
            "DRFI training (DrfiTraining, RegressionForest) still runs in the command: to move into a masks-plugin job",
            "org.harl.cli.report.AblationReport", "writes through the trackers plugin's AtomicFiles",
            "org.harl.cli.report.PretrainReport", "writes through the trackers plugin's AtomicFiles",
            "org.harl.cli.report.RunMetrics", "reads metrics with the trackers plugin's ExtendedJson",
            "org.harl.cli.report.WandbReportPublisher",
            "publishes W&B reports through the trackers plugin's W&B client (WandbApi, WandbHttp, ApiKey)",
            "org.harl.cli.wandb.WandbSyncCommand", "replays offline runs with the trackers plugin's WandbSync",
            "org.harl.cli.bench.BenchDataCommand",
            "times the datasets and augmentations plugins' classes directly (ImageFolder, ByolAugmentation)",
            "org.harl.cli.bench.BenchMasksCommand",
            "times the masks plugin's DRFI stages directly (Felzenszwalb, DrfiSaliency, ...)");

    private static final DescribedPredicate<JavaClass> ALLOW_LISTED = DescribedPredicate.describe(
            "allow-listed in CLI_PLUGIN_ALLOWED", c -> CLI_PLUGIN_ALLOWED.containsKey(topLevel(c)));

    private static String topLevel(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    /** The CLI parses options, calls jobs (core or SPI) and prints; what a command does lives below it. */
    @Test
    void cliCallsJobsNotPluginInternals() {
        noClasses().that().resideInAPackage(CLI).and(DescribedPredicate.not(ALLOW_LISTED))
                .should().dependOnClassesThat().resideInAPackage(PLUGINS)
                .because("the CLI calls jobs (org.harl.core.jobs) and the SPI; plugin classes stay behind them")
                .check(main);
    }

    /** An allow-list entry whose class no longer names a plugin class (or no longer exists) must be removed. */
    @Test
    void cliAllowListHasNoStaleEntries() {
        for (String name : CLI_PLUGIN_ALLOWED.keySet()) {
            assertTrue(main.contain(name), name + " no longer exists: remove it from CLI_PLUGIN_ALLOWED");
            boolean namesPlugin = main.stream().filter(c -> topLevel(c).equals(name))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.harl.plugins."));
            assertTrue(namesPlugin, name + " no longer depends on plugin classes: remove it from CLI_PLUGIN_ALLOWED");
        }
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
