package org.aipo.applicant;

import org.aipo.common.DomainException;

import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.audit.AuditLog;
import org.aipo.common.Text;
import org.aipo.identity.Roles;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Registers applicant organisations and their users. The organisation row, the account row and the
 * user in the engine's identity service are written in one transaction: all three exist, or none.
 */
@ApplicationScoped
public class Registration {

  public static final String SUBJECT_TYPE = "organisation";
  private static final Pattern USER_ID = Pattern.compile(WorkflowEngine.RESOURCE_ID_PATTERN);

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  /** A new organisation with its first user. */
  @Transactional
  public Organisation register(Organisation organisation, String userId, String password, String displayName) {
    checkUser(userId, password, displayName);
    boolean known = !entityManager.createNamedQuery(Organisation.BY_CREDIT_CODE, Organisation.class)
        .setParameter("code", organisation.getCreditCode()).getResultList().isEmpty();
    if (known) {
      throw DomainException.conflict("organisation.exists", "creditCode", "该统一社会信用代码的单位已注册，请联系该单位的用户为您添加账号",
          "an organisation with this credit code is already registered; ask its users to add you");
    }
    entityManager.persist(organisation);
    createUser(organisation, userId, password, displayName);
    auditLog.record(userId, "organisation.registered", SUBJECT_TYPE, organisation.getId(),
        organisation.getName() + " (" + organisation.getCreditCode() + ")");
    return organisation;
  }

  /** A new organisation for an existing engine user in the applicant group (the demo applicants). */
  @Transactional
  public Organisation registerForExistingUser(Organisation organisation, String userId, String actor) {
    entityManager.persist(organisation);
    entityManager.persist(new ApplicantAccount(userId, organisation.getId(), clock.instant()));
    auditLog.record(actor, "organisation.registered", SUBJECT_TYPE, organisation.getId(),
        organisation.getName() + " (" + organisation.getCreditCode() + ") for " + userId);
    return organisation;
  }

  /** Another user of the caller's organisation. */
  @Transactional
  public void addUser(String callerUserId, String userId, String password, String displayName) {
    Organisation organisation = organisationOf(callerUserId);
    checkUser(userId, password, displayName);
    createUser(organisation, userId, password, displayName);
    auditLog.record(callerUserId, "organisation.user-added", SUBJECT_TYPE, organisation.getId(), userId);
  }

  /** Where an organisation's messages go (issue 25): its contact's e-mail, in the contact's language. */
  @Transactional
  public org.aipo.notification.Message.Recipient contactOf(String organisationId) {
    Organisation organisation = entityManager.find(Organisation.class, organisationId);
    return organisation == null ? org.aipo.notification.Message.Recipient.address(null, "zh", organisationId)
        : org.aipo.notification.Message.Recipient.address(organisation.getContactEmail(), organisation.getContactLanguage(), organisation.getContactName());
  }

  @Transactional
  public Organisation organisationOf(String userId) {
    ApplicantAccount account = entityManager.find(ApplicantAccount.class, userId);
    if (account == null) {
      throw DomainException.forbidden("applicant.no-organisation", "用户 " + userId + " 未关联任何申报单位", "user " + userId + " acts for no organisation");
    }
    return entityManager.find(Organisation.class, account.getOrganisationId());
  }

  /**
   * Checks a new user's id, password and name as registration does (refusals name {@code user.userId},
   * {@code user.password}, {@code user.name}; a taken id is 409): for other kinds of accounts, such as a compute
   * supplier's staff.
   */
  public void checkNewUser(String userId, String password, String displayName) {
    checkUser(userId, password, displayName);
  }

  private void checkUser(String userId, String password, String displayName) {
    Text.required(userId, "user.userId", 64);
    if (!USER_ID.matcher(userId).matches()) {
      throw DomainException.badInput("user-id.characters", "user.userId", "用户名只能包含字母、数字和单个连字符",
          "user.userId may hold letters, digits and single hyphens only");
    }
    Text.required(password, "user.password", 128);
    if (password.length() < 10 || !password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
      throw DomainException.badInput("password.weak", "user.password", "密码至少 10 位，须同时包含字母和数字",
          "user.password needs at least 10 characters with letters and digits");
    }
    Text.required(displayName, "user.name", 100);
    if (workflowEngine.processEngine().getIdentityService().createUserQuery().userId(userId).count() > 0) {
      throw DomainException.conflict("user-id.taken", "user.userId", "用户名 " + userId + " 已被占用", "the user id " + userId + " is taken");
    }
  }

  private void createUser(Organisation organisation, String userId, String password, String displayName) {
    IdentityService identity = workflowEngine.processEngine().getIdentityService();
    User user = identity.newUser(userId);
    user.setFirstName(displayName.trim());
    user.setLastName(organisation.getName());
    user.setEmail(organisation.getContactEmail());
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(userId, Roles.APPLICANT.groupId());
    entityManager.persist(new ApplicantAccount(userId, organisation.getId(), clock.instant()));
  }
}
