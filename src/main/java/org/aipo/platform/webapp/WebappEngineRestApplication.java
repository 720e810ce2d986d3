package org.aipo.platform.webapp;

import java.util.HashSet;
import java.util.Set;

import org.aipo.platform.rest.DomainRefusalHandler;
import org.aipo.platform.rest.DomainRuleExceptionHandler;
import org.aipo.platform.rest.DomainRuleRestExceptionHandler;
import org.aipo.platform.rest.NullInRequestHandler;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/** The webapps' engine API (Tasklist, Cockpit) with our rule refusals answered as 4xx, not 500. */
public class WebappEngineRestApplication extends EngineRestApplication {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(super.getClasses());
    classes.add(DomainRuleExceptionHandler.class);
    classes.add(DomainRuleRestExceptionHandler.class);
    classes.add(DomainRefusalHandler.class);
    classes.add(NullInRequestHandler.class);
    return classes;
  }
}
