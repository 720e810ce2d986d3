package org.aipo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import jakarta.persistence.Entity;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The package rules of docs/architecture.md. Each top-level package under {@code org.aipo} is one slice:
 * the platform (the Camunda corner), shared services, the API infrastructure, the programme capabilities and
 * the demo data. The rules fail the build on a package cycle, on the platform or the API infrastructure
 * depending on a capability, on anything depending on the demo data, and on a capability creating or
 * changing another capability's entities instead of asking that capability's service.
 */
@AnalyzeClasses(packages = "org.aipo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Packages below the capabilities: what every programme may use. */
  static final Set<String> FOUNDATION = Set.of("platform", "config", "calendar", "api", "audit", "common", "identity", "health", "notification", "storage");

  static final String[] CAPABILITIES = {"org.aipo.applicant..", "org.aipo.call..", "org.aipo.proposal..", "org.aipo.project..",
      "org.aipo.funding..", "org.aipo.notice..", "org.aipo.selection..", "org.aipo.review..", "org.aipo.expert..",
      "org.aipo.scenario..", "org.aipo.platformcheck..", "org.aipo.models..", "org.aipo.document..", "org.aipo.voucher..", "org.aipo.holidays..", "org.aipo.filing..", "org.aipo.supervision..", "org.aipo.transparency..", "org.aipo.dashboard..", "org.aipo.console..", "org.aipo.demo.."};

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.aipo.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule platformDependsOnNoCapability = noClasses().that().resideInAPackage("org.aipo.platform..")
      .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
      .because("the engine bootstrap announces EngineStarted and capabilities listen; it never calls them");

  @ArchTest
  static final ArchRule apiInfrastructureDependsOnNoCapability = noClasses().that().resideInAPackage("org.aipo.api..")
      .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
      .because("each capability registers its own resources (ApiResource)");

  @ArchTest
  static final ArchRule foundationDependsOnNoCapability = noClasses().that()
      .resideInAnyPackage("org.aipo.config..", "org.aipo.calendar..", "org.aipo.audit..", "org.aipo.common..", "org.aipo.identity..",
          "org.aipo.notification..", "org.aipo.storage..")
      .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

  @ArchTest
  static final ArchRule nothingDependsOnTheDemoData = noClasses().that().resideOutsideOfPackage("org.aipo.demo..")
      .should().dependOnClassesThat().resideInAPackage("org.aipo.demo..");

  @ArchTest
  static final ArchRule entitiesAreChangedOnlyByTheirCapability = FreezingArchRule.freeze(classes().that().resideOutsideOfPackage("org.aipo.demo..")
      .should(leaveOtherCapabilitiesEntitiesAlone())
      .because("another capability's entities are read, never created or changed: ask its service"));

  /** The capability of a class: its top-level package under org.aipo. */
  static String capability(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("org.aipo.")) {
      return "";
    }
    String rest = name.substring("org.aipo.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  static JavaClass outermost(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /**
   * Calls a constructor of, writes a field of, or calls a method other than a reader ({@code get…}, {@code is…},
   * {@code has…}, {@code content}, Object's) on an entity of another capability.
   */
  static ArchCondition<JavaClass> leaveOtherCapabilitiesEntitiesAlone() {
    // a condition of classes(), not of noClasses(): noClasses() negates the condition, which turned the violations this
    // condition reports into passes, so the rule could not fail
    return new ArchCondition<>("not create or change an entity of another capability") {
      @Override
      public void check(JavaClass caller, ConditionEvents events) {
        String own = capability(caller);
        for (JavaAccess<?> access : caller.getAccessesFromSelf()) {
          JavaClass owner = access.getTargetOwner();
          if (!owner.isAnnotatedWith(Entity.class) || capability(owner).equals(own) || FOUNDATION.contains(capability(owner))) {
            continue;
          }
          AccessTarget target = access.getTarget();
          boolean reads = (target instanceof AccessTarget.MethodCallTarget || target instanceof AccessTarget.MethodReferenceTarget)
              && isReader(target.getName());
          boolean readsField = target instanceof AccessTarget.FieldAccessTarget
              && access instanceof com.tngtech.archunit.core.domain.JavaFieldAccess field
              && field.getAccessType() == com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.GET;
          if (!reads && !readsField) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  /** Entity methods that only read, though their names do not say so by get/is/has/to. */
  static final Set<String> READERS = Set.of("content", "equals", "hashCode", "toString", "outcome", "rules", "requested", "documentKind",
      "criterionMeanMap", "particulars");

  static boolean isReader(String method) {
    return method.startsWith("get") || method.startsWith("is") || method.startsWith("has") || method.startsWith("to") || READERS.contains(method);
  }
}
