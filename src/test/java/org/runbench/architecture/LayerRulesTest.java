package org.runbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency table of DESIGN.md, one rule per row, each with its reason. A rule that fails names the
 * class and the dependency that breaks it.
 */
class LayerRulesTest {

    private static final String[] JDK = {"java..", "javax.annotation.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.runbench");
    }

    @Test
    void modelDependsOnJdkOnly() {
        classes().that().resideInAPackage("org.runbench.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "org.runbench.model.."))
                .because("every layer shares the model, so it must not drag a library or another layer along")
                .check(classes);
    }

    @Test
    void cacheDependsOnModelAndStorageLibrariesOnly() {
        classes().that().resideInAPackage("org.runbench.cache..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "org.runbench.model..",
                        "org.runbench.cache..", "org.h2..", "org.flywaydb..", "org.slf4j..", "javax.sql.."))
                .because("the cache is storage only: it must work for the command line and tests without network or UI")
                .check(classes);
    }

    @Test
    void chartsDependOnModelAndJFreeChartOnly() {
        classes().that().resideInAPackage("org.runbench.charts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "java.awt..", "javax.imageio..",
                        "javax.xml..", "org.runbench.model..", "org.runbench.charts..", "org.jfree..", "org.slf4j.."))
                .because("charts render headless for 'runbench plot', so they know neither the cache nor JavaFX scenes")
                .check(classes);
    }

    @Test
    void trackingDependsOnModelAndHttpLibrariesOnly() {
        classes().that().resideInAPackage("org.runbench.tracking..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "javax.net..", "javax.security..",
                        "org.runbench.model..", "org.runbench.tracking..", "okhttp3..", "okio..", "kotlin..",
                        "com.fasterxml.jackson..", "com.typesafe.config..", "org.slf4j.."))
                .because("the ClearML client is a plain HTTP client of the server's API; sync decides what to store")
                .check(classes);
    }

    @Test
    void clusterDependsOnModelAndFabric8Only() {
        classes().that().resideInAPackage("org.runbench.cluster..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "org.runbench.model..",
                        "org.runbench.cluster..", "io.fabric8..", "org.slf4j.."))
                .because("the Kubernetes client reads the cluster; launch combines it with the tracking server")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void syncAndLaunchUseModelCacheTrackingAndCluster() {
        classes().that().resideInAnyPackage("org.runbench.sync..", "org.runbench.launch..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, "org.runbench.model..",
                        "org.runbench.cache..", "org.runbench.tracking..", "org.runbench.cluster..",
                        "org.runbench.sync..", "org.runbench.launch..", "org.slf4j..",
                        // Local file import parses CSV, JSON and YAML files itself.
                        "com.fasterxml.jackson..", "org.yaml.snakeyaml.."))
                .because("services combine the lower layers and are the only writers of the cache")
                .check(classes);
    }

    @Test
    void viewsNeverReachHttpKubernetesOrJdbc() {
        noClasses().that().resideInAPackage("org.runbench.views..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "io.fabric8..", "java.sql..",
                        "org.h2..", "org.flywaydb..", "org.runbench.cache..", "org.runbench.tracking..",
                        "org.runbench.cluster..", "org.runbench.sync.local..", "org.runbench.app..")
                .because("views read through view models and service interfaces, so the UI works the same offline"
                        + " and can be tested without a server")
                .check(classes);
    }

    @Test
    void onlyViewsAndChartsUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.runbench.model..", "org.runbench.cache..",
                        "org.runbench.tracking..", "org.runbench.cluster..", "org.runbench.sync..", "org.runbench.launch..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the command line and most tests run without a JavaFX toolkit")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchSceneGraph() {
        noClasses().that().resideInAPackage("org.runbench.views..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state and call services; views build and bind the nodes")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootKnowsTheApp() {
        noClasses().that().resideOutsideOfPackage("org.runbench.app..")
                .should().dependOnClassesThat().resideInAPackage("org.runbench.app..")
                .because("org.runbench.app is the composition root: nothing below it may reach up")
                .check(classes);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
