package org.aipo.api;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Our own JSON API at /api (the applicant API, the office's, the secretariat's and the administrators'),
 * beside Camunda's /engine-rest. Its providers are registered here only, so that Camunda's REST API keeps its
 * own error format. The resources are the CDI beans that implement {@link ApiResource}, each in the package of
 * the capability it serves.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(Set.of(ApiAuthenticationFilter.class, ApiErrors.class, JsonObjectReader.class, JsonbSettings.class));
    classes.addAll(resources(CDI.current().getBeanManager()));
    return classes;
  }

  /** The resource classes of every capability: the beans that implement {@link ApiResource}. */
  static Set<Class<?>> resources(BeanManager beans) {
    Set<Class<?>> classes = new HashSet<>();
    for (Bean<?> bean : beans.getBeans(ApiResource.class, Any.Literal.INSTANCE)) {
      classes.add(bean.getBeanClass());
    }
    return classes;
  }
}
