package org.aipo.demo;

import org.aipo.identity.Roles;

import java.util.List;
import java.util.logging.Logger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

/**
 * Demo users, one or more per role, all with the password {@value #PASSWORD}. Created once, on the
 * first start of a demo server on the embedded database; a marker property in the engine's property
 * table keeps a later start from re-creating users an administrator removed. Never in production.
 */
public final class DemoUsers {

  private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

  public static final String PASSWORD = "demo";
  static final String SEEDED_PROPERTY = "aipo.demo-users.seeded";

  public record DemoUser(String id, String firstName, String lastName, Roles role) {
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "系统", "管理员 Admin", Roles.ADMIN),
      new DemoUser("office", "王", "项目办 Wang (programme office)", Roles.PROGRAMME_OFFICE),
      new DemoUser("nominator", "李", "推荐单位 Li (nominating unit)", Roles.NOMINATING_UNIT),
      new DemoUser("secretary", "陈", "秘书处 Chen (secretariat)", Roles.COMMITTEE_SECRETARIAT),
      new DemoUser("expert1", "张", "专家 Zhang (expert)", Roles.EXPERT),
      new DemoUser("expert2", "刘", "专家 Liu (expert)", Roles.EXPERT),
      new DemoUser("expert3", "孙", "专家 Sun (expert)", Roles.EXPERT),
      new DemoUser("expert4", "钱", "专家 Qian (expert)", Roles.EXPERT),
      new DemoUser("expert5", "郑", "专家 Zheng (expert)", Roles.EXPERT),
      new DemoUser("leader", "赵", "领导小组 Zhao (leadership)", Roles.LEADERSHIP),
      new DemoUser("auditor", "何", "审计 He (auditor)", Roles.AUDITOR),
      new DemoUser("applicant1", "周", "申报单位 Zhou (applicant)", Roles.APPLICANT),
      new DemoUser("applicant2", "吴", "申报单位 Wu (applicant)", Roles.APPLICANT),
      new DemoUser("supplier1", "冯", "算力服务商 Feng (compute supplier)", Roles.COMPUTE_SUPPLIER),
      new DemoUser("inspector1", "韩", "检查人员 Han (inspector)", Roles.INSPECTOR),
      new DemoUser("inspector2", "杨", "检查人员 Yang (inspector)", Roles.INSPECTOR),
      new DemoUser("inspector3", "朱", "检查人员 Zhu (inspector)", Roles.INSPECTOR),
      new DemoUser("inspector4", "秦", "检查人员 Qin (inspector)", Roles.INSPECTOR));

  private final IdentityService identityService;
  private final ManagementService managementService;

  public DemoUsers(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.managementService = engine.getManagementService();
  }

  /** Demo users belong to the demo profile on the embedded database, and nowhere else. */
  public static boolean apply(org.aipo.config.Profile profile, boolean embeddedDatabase) {
    return profile == org.aipo.config.Profile.DEMO && embeddedDatabase;
  }

  /** @return true when users were created by this call */
  public boolean seedOnce() {
    if (managementService.getProperties().containsKey(SEEDED_PROPERTY)) {
      return false;
    }
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.aipo.invalid");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.role().groupId()).count() == 0) {
        identityService.createMembership(demo.id(), demo.role().groupId());
      }
    }
    managementService.setProperty(SEEDED_PROPERTY, "true");
    LOG.warning(() -> "Demo users created with password '" + PASSWORD + "': " 
        + USERS.stream().map(DemoUser::id).toList() + ". Never use the demo profile in production.");
    return true;
  }
}
