package io.ledgerline.testsupport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import java.util.List;
import java.util.Set;

/**
 * The layout every service keeps, checked by a test in each service: it imports no other service,
 * its feature packages form no cycle, and a controller depends only on its own feature and the
 * packages the service declares as shared. A broken rule fails the build with the offending classes
 * named.
 */
public final class ServiceBoundaries {

    /** Every service's root package; a service may import none of the others. */
    public static final List<String> SERVICE_PACKAGES =
            List.of(
                    "io.ledgerline.ledger",
                    "io.ledgerline.billing",
                    "io.ledgerline.gateway",
                    "io.ledgerline.notification",
                    "io.ledgerline.portal",
                    "io.ledgerline.llmstub");

    private final String rootPackage;
    private final JavaClasses classes;

    private ServiceBoundaries(String rootPackage) {
        this.rootPackage = rootPackage;
        this.classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rootPackage);
    }

    /** The production classes of the service under {@code rootPackage}. */
    public static ServiceBoundaries of(String rootPackage) {
        return new ServiceBoundaries(rootPackage);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** Fails when a class of this service depends on a class of another service. */
    public void importsNoOtherService() {
        var others =
                SERVICE_PACKAGES.stream()
                        .filter(p -> !p.equals(rootPackage))
                        .map(p -> p + "..")
                        .toArray(String[]::new);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share only contracts")
                .check(classes);
    }

    /** Fails when the service's top-level feature packages import each other in a circle. */
    public void featuresFormNoCycle() {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Fails when a {@code @RestController} depends on a class of this service outside its own
     * feature (its top-level package under the root) and outside {@code sharedFeatures}: a
     * controller asks its own feature, which may in turn use others.
     */
    public void controllersStayInTheirFeature(Set<String> sharedFeatures) {
        controllersStayInTheirFeatureRule(sharedFeatures).check(classes);
    }

    ArchRule controllersStayInTheirFeatureRule(Set<String> sharedFeatures) {
        return ArchRuleDefinition.classes()
                .that(areRestControllers())
                .should(dependOnlyOnOwnFeatureOr(sharedFeatures))
                .because("a controller reaches other features only through its own");
    }

    private static DescribedPredicate<JavaClass> areRestControllers() {
        return DescribedPredicate.describe(
                "are REST controllers",
                c ->
                        c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                                || c.isAnnotatedWith(
                                        "org.springframework.web.bind.annotation"
                                                + ".RestControllerAdvice"));
    }

    private ArchCondition<JavaClass> dependOnlyOnOwnFeatureOr(Set<String> sharedFeatures) {
        return new ArchCondition<>("depend only on their own feature or " + sharedFeatures) {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                var own = featureOf(controller.getPackageName());
                for (var dependency : controller.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass().getPackageName();
                    if (!target.startsWith(rootPackage)) {
                        continue;
                    }
                    var feature = featureOf(target);
                    if (feature.equals(own) || sharedFeatures.contains(feature)) {
                        continue;
                    }
                    events.add(
                            SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }

    /** The first package segment below the root, or "" for the root package itself. */
    private String featureOf(String packageName) {
        if (packageName.length() <= rootPackage.length()) {
            return "";
        }
        var rest = packageName.substring(rootPackage.length() + 1);
        var dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
