package org.aipo.platform.auth;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's database identity provider, which also empties the cache of checked credentials
 * ({@link CachingBasicAuthenticationProvider}) whenever a user, group, membership or tenant is written,
 * through any channel of this node (REST, Admin webapp, our own code): a changed password, a removed
 * member or a locked-out user counts from the next request on. Registered by the engine's configuration.
 */
public class IdentityChangeListener extends DbIdentityServiceProvider {

  private static IdentityOperationResult changed(IdentityOperationResult result) {
    CachingBasicAuthenticationProvider.forgetAll();
    return result;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return changed(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return changed(super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return changed(super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return changed(super.saveGroup(group));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return changed(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult saveTenant(Tenant tenant) {
    return changed(super.saveTenant(tenant));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return changed(super.deleteTenant(tenantId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return changed(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return changed(super.deleteMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return changed(super.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return changed(super.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.deleteTenantGroupMembership(tenantId, groupId));
  }
}
