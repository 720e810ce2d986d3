package org.aipo.platform;

import java.util.Optional;

/** Finds a bean by its EL name (for example {@code auditDelegate}), as BPMN expressions name them. */
@FunctionalInterface
public interface BeanLookup {

  Optional<Object> byName(String name);
}
