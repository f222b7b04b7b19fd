package io.camaudit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.camaudit");

    @Test
    void enginesAreFreeOfSpringWebAndJdbc() {
        noClasses()
                .that()
                .resideInAPackage("..engine..")
                .and()
                .doNotHaveSimpleName("package-info") // carries only the module's interface name
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "java.sql..",
                        "javax.sql..",
                        "..persistence..",
                        "..web..",
                        "..api..",
                        "..cli..")
                .because(
                        "engines must also run inside a stream processor at national scale, with no Spring or web types")
                .check(CLASSES);
    }

    @Test
    void domainTypesDoNotReachIntoAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("..register.engine..", "..returns.engine..", "io.camaudit.shared..")
                .and()
                .resideOutsideOfPackage("io.camaudit.shared.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..api..", "..cli..")
                .because("adapters sit at the edge and depend on the domain, never the other way round")
                .check(CLASSES);
    }

    @Test
    void modulesHaveNoCycles() {
        ApplicationModules.of(CamauditApplication.class).verify();
    }

    /**
     * Every page and API handler states who may call it; a handler without a rule would fall back
     * to "any signed-in user", which is exactly the gap this test exists to catch.
     */
    @Test
    void everyHandlerMethodCarriesASecurityAnnotation() {
        List<String> missing = new ArrayList<>();
        Set<String> allowlist = Set.of();
        CLASSES.stream()
                .filter(c -> c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class))
                .map(c -> c.reflect())
                .forEach(type -> {
                    for (Method method : type.getDeclaredMethods()) {
                        boolean handler = java.util.Arrays.stream(method.getAnnotations())
                                .anyMatch(a -> a.annotationType().isAnnotationPresent(RequestMapping.class)
                                        || a.annotationType().equals(RequestMapping.class));
                        String name = type.getSimpleName() + "." + method.getName();
                        if (handler && !method.isAnnotationPresent(PreAuthorize.class) && !allowlist.contains(name)) {
                            missing.add(name);
                        }
                    }
                });
        assertThat(missing).as("handlers without @PreAuthorize").isEmpty();
    }
}
