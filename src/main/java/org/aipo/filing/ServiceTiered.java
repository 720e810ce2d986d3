package org.aipo.filing;

/**
 * A service got its risk tier (at registration: {@code previousTier} null) or an official changed it with a
 * recorded reason. Fired inside the transaction that stored it, so an observer (the supervision plan) follows the
 * tier in the same transaction or not at all.
 */
public record ServiceTiered(String serviceId, String organisationId, AiService.Tier tier, AiService.Tier previousTier, String reason, String actor) {
}
