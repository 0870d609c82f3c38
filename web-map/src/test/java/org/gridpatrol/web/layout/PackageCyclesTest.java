package org.gridpatrol.web.layout;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layout of ADR 0025, checked on the compiled classes of every module the application
 * is built from (the Maven enforcer already keeps Spring and SQL out of the engine modules and
 * the benchmark peers out of the application): no two packages import each other, directly or
 * round a loop, and the application's packages never reach back into its entry point.
 */
class PackageCyclesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gridpatrol");
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        // a rule over an empty or partial import would pass without checking anything
        for (String module : new String[] {"geo", "routing", "tiles", "data", "web"}) {
            assertThat(classes.containPackage("org.gridpatrol." + module)).as(module).isTrue();
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.gridpatrol.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void capabilityPackagesDoNotDependOnTheEntryPoint() {
        noClasses().that().resideInAPackage("org.gridpatrol.web.(*)..")
                .should().dependOnClassesThat().resideInAPackage("org.gridpatrol.web")
                .check(classes);
    }
}
