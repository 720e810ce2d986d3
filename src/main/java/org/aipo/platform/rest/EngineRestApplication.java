package org.aipo.platform.rest;

import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.core.Application;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Camunda's REST API at /engine-rest (mapped in web.xml, with HTTP Basic authentication in front of
 * it), served by Liberty's own JAX-RS runtime.
 */
public class EngineRestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>();
    classes.addAll(CamundaRestResources.getResourceClasses());
    classes.addAll(CamundaRestResources.getConfigurationClasses());
    // Camunda's ObjectMapper, with strict dates and whole numbers (issue 29)
    classes.remove(org.camunda.bpm.engine.rest.mapper.JacksonConfigurator.class);
    classes.add(StrictJackson.class);
    classes.add(QueryBodyCheck.class);
    classes.add(JsonTextCheck.class);
    classes.add(DomainRuleExceptionHandler.class);
    classes.add(DomainRuleRestExceptionHandler.class);
    classes.add(DomainRefusalHandler.class);
    // bad input answered 4xx with a message (issue 9; BadRequestCorpusIT)
    classes.add(NullInRequestHandler.class);
    classes.add(JsonBodyExceptionHandlers.Parse.class);
    classes.add(JsonBodyExceptionHandlers.Mapping.class);
    classes.add(QueryParameterCheck.class);
    classes.add(UnknownIdCheck.class);
    classes.add(ErrorMessageFilter.class);
    return classes;
  }
}
