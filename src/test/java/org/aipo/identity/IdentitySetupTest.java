package org.aipo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import java.util.List;

import org.aipo.testing.InMemoryEngine;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One engine for the class (an engine start is most of the time): the tests only read, and each applies the setup
 * again first, which changes nothing ({@link #applyingAgainChangesNothing}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentitySetupTest {

  private final ProcessEngine engine = InMemoryEngine.start();
  private final AuthorizationService authorizations = engine.getAuthorizationService();

  @BeforeEach
  void apply() {
    new IdentitySetup(engine).apply();
  }

  @AfterAll
  void close() {
    engine.close();
  }

  private boolean allowed(Roles role, org.camunda.bpm.engine.authorization.Permission permission,
      org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
    return authorizations.isUserAuthorized("someone", List.of(role.groupId()), permission, resource, resourceId);
  }

  private Filter filter() {
    return engine.getFilterService().createFilterQuery().filterName(IdentitySetup.ALL_TASKS_FILTER).singleResult();
  }

  @Test
  void createsEveryGroupOfTheDomain() {
    for (Roles role : Roles.values()) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(role.groupId()).singleResult())
          .as(role.groupId()).isNotNull()
          .extracting(g -> g.getName()).isEqualTo(role.displayName());
    }
  }

  @Test
  void officialsAndExpertsUseTasklistAndItsFilterButApplicantsDoNot() {
    for (Roles role : Roles.officials()) {
      assertThat(allowed(role, ACCESS, APPLICATION, IdentitySetup.TASKLIST)).as(role.groupId()).isTrue();
      assertThat(allowed(role, READ, FILTER, filter().getId())).as(role.groupId()).isTrue();
    }
    assertThat(allowed(Roles.APPLICANT, ACCESS, APPLICATION, IdentitySetup.TASKLIST)).isFalse();
    assertThat(allowed(Roles.APPLICANT, ACCESS, APPLICATION, "cockpit")).isFalse();
    assertThat(allowed(Roles.APPLICANT, ACCESS, APPLICATION, "admin")).isFalse();
    assertThat(allowed(Roles.APPLICANT, READ, FILTER, filter().getId())).isFalse();
  }

  @Test
  void administratorsEnterEveryWebappAndMayDoEverything() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(allowed(Roles.ADMIN, ACCESS, APPLICATION, app)).as(app).isTrue();
    }
    assertThat(allowed(Roles.ADMIN, org.camunda.bpm.engine.authorization.Permissions.ALL, PROCESS_DEFINITION, "anyProcess")).isTrue();
    assertThat(allowed(Roles.PROGRAMME_OFFICE, ACCESS, APPLICATION, "cockpit")).isFalse();
    assertThat(allowed(Roles.PROGRAMME_OFFICE, ACCESS, APPLICATION, "admin")).isFalse();
  }

  @Test
  void onlyTheOfficeAndTheSecretariatStartProcesses() {
    assertThat(allowed(Roles.PROGRAMME_OFFICE, CREATE_INSTANCE, PROCESS_DEFINITION, "anyProcess")).isTrue();
    assertThat(allowed(Roles.COMMITTEE_SECRETARIAT, CREATE_INSTANCE, PROCESS_DEFINITION, "anyProcess")).isTrue();
    assertThat(allowed(Roles.EXPERT, CREATE_INSTANCE, PROCESS_DEFINITION, "anyProcess")).isFalse();
    assertThat(allowed(Roles.APPLICANT, READ, PROCESS_DEFINITION, "anyProcess")).isFalse();
  }

  @Test
  void auditorsReadEverythingInCockpitAndChangeNothing() {
    assertThat(allowed(Roles.AUDITOR, ACCESS, APPLICATION, "cockpit")).isTrue();
    assertThat(allowed(Roles.AUDITOR, ACCESS, APPLICATION, IdentitySetup.TASKLIST)).isFalse();
    assertThat(allowed(Roles.AUDITOR, ACCESS, APPLICATION, "admin")).isFalse();
    for (var permission : List.of(READ, org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY,
        org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE)) {
      assertThat(allowed(Roles.AUDITOR, permission, PROCESS_DEFINITION, "anyProcess")).as(permission.getName()).isTrue();
    }
    assertThat(allowed(Roles.AUDITOR, org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY,
        org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION, "riskTier")).isTrue();
    for (var permission : List.of(CREATE_INSTANCE, org.camunda.bpm.engine.authorization.Permissions.UPDATE,
        org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE, org.camunda.bpm.engine.authorization.Permissions.DELETE_INSTANCE,
        org.camunda.bpm.engine.authorization.Permissions.TASK_WORK, org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK,
        org.camunda.bpm.engine.authorization.Permissions.DELETE_HISTORY)) {
      assertThat(allowed(Roles.AUDITOR, permission, PROCESS_DEFINITION, "anyProcess")).as(permission.getName()).isFalse();
    }
    assertThat(allowed(Roles.AUDITOR, org.camunda.bpm.engine.authorization.Permissions.TASK_WORK,
        org.camunda.bpm.engine.authorization.Resources.TASK, "anyTask")).isFalse();
    assertThat(allowed(Roles.AUDITOR, org.camunda.bpm.engine.authorization.Permissions.UPDATE,
        org.camunda.bpm.engine.authorization.Resources.TASK, "anyTask")).isFalse();
    assertThat(allowed(Roles.AUDITOR, org.camunda.bpm.engine.authorization.Permissions.CREATE,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE, "any")).isFalse();
  }

  @Test
  void applyingAgainChangesNothing() {
    long groups = engine.getIdentityService().createGroupQuery().count();
    long grants = authorizations.createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();

    new IdentitySetup(engine).apply();

    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters).isEqualTo(1 + IdentitySetup.ROLE_FILTERS.size());
  }

  @Test
  void eachRoleHasItsFiltersOrderedByDueDate() {
    Filter formalChecks = engine.getFilterService().createFilterQuery().filterName("形式审查 Formal checks").singleResult();
    assertThat(allowed(Roles.PROGRAMME_OFFICE, READ, FILTER, formalChecks.getId())).isTrue();
    assertThat(allowed(Roles.EXPERT, READ, FILTER, formalChecks.getId())).isFalse();
    assertThat(allowed(Roles.APPLICANT, READ, FILTER, formalChecks.getId())).isFalse();
    assertThat(formalChecks.getProperties().get("variables").toString()).contains("applicantName", "callTitle");
    org.camunda.bpm.engine.impl.TaskQueryImpl query = formalChecks.getQuery();
    assertThat(query.getKey()).isEqualTo("userTask_formalCheck");
    assertThat(query.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualToIgnoringCase("DUE_DATE_");
    assertThat(allowed(Roles.PROGRAMME_OFFICE, org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE, PROCESS_DEFINITION, "anyProcess"))
        .as("the office sees applicant and call beside each task").isTrue();
    assertThat(allowed(Roles.EXPERT, org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE, PROCESS_DEFINITION, "anyProcess"))
        .as("experts read only their own task").isFalse();
    Filter reviews = engine.getFilterService().createFilterQuery().filterName("我的评审 My reviews").singleResult();
    assertThat(allowed(Roles.EXPERT, READ, FILTER, reviews.getId())).isTrue();
    assertThat(allowed(Roles.LEADERSHIP, READ, FILTER, reviews.getId())).isFalse();
    Filter vouchers = engine.getFilterService().createFilterQuery().filterName("算力券 Compute vouchers").singleResult();
    assertThat(allowed(Roles.PROGRAMME_OFFICE, READ, FILTER, vouchers.getId())).isTrue();
    assertThat(allowed(Roles.APPLICANT, READ, FILTER, vouchers.getId())).isFalse();
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) vouchers.getQuery()).getProcessDefinitionKey()).isEqualTo("voucherLifecycle");
    Filter opinions = engine.getFilterService().createFilterQuery().filterName("算力券专家意见 Voucher opinions").singleResult();
    assertThat(allowed(Roles.EXPERT, READ, FILTER, opinions.getId())).isTrue();
    assertThat(allowed(Roles.PROGRAMME_OFFICE, READ, FILTER, opinions.getId())).isFalse();
  }
}
