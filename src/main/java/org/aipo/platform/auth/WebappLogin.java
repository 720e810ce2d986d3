package org.aipo.platform.auth;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The user logged into Camunda's webapps (Tasklist, Cockpit, Admin) in an HTTP session. The webapps keep their login
 * in the session of our one WAR, so our API can recognise it (for reading only, see the API's filter). This reads the
 * webapps' own session classes, which is why it lives here in the Camunda corner: an engine swap (Operaton) changes
 * this class, not the API.
 */
public final class WebappLogin {

  /** A webapp user and the groups the identity service gives them now (not the webapp's cached ones). */
  public record User(String userId, List<String> groups) {
  }

  private WebappLogin() {
  }

  public static Optional<User> of(HttpSession session, ProcessEngine engine) {
    if (session == null) {
      return Optional.empty();
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(engine.getName());
    if (login == null || login.getIdentityId() == null) {
      return Optional.empty();
    }
    String userId = login.getIdentityId();
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    return Optional.of(new User(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList()));
  }
}
