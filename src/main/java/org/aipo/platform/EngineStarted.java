package org.aipo.platform;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Fired (CDI, synchronously) once the engine runs and the models are deployed, before the server is ready.
 * The demo data listens for it, so the engine bootstrap depends on no capability.
 * An observer that fails stops the start: the engine is closed and the application does not start.
 *
 * @param engine the running engine
 * @param embeddedDatabase whether the engine runs on the embedded H2 database (where demo data may be seeded)
 */
public record EngineStarted(ProcessEngine engine, boolean embeddedDatabase) {

  /** Observer order (lower first): the demo data comes after anything a capability sets up. */
  public static final int DEMO = 200;
}
