package org.aipo.api;

/**
 * Marks a JAX-RS resource of our API at {@code /api}. Each capability registers its own resources by
 * implementing this on a CDI bean in its own package; {@link ApiApplication} collects them, so the API
 * infrastructure depends on no capability.
 */
public interface ApiResource {
}
