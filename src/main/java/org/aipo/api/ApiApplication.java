package org.aipo.api;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * Our own JSON API at /api (the applicant API, the office's, the secretariat's and the administrators'),
 * beside Camunda's /engine-rest. Its providers are registered here only, so that Camunda's REST API keeps its
 * own error format. The resources are the CDI beans that implement {@link ApiResource}, each in the package of
 * the capability it serves.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "AI Programme Office API", version = "1",
    description = "人工智能产业政策项目办 API: applicants, the programme office, the secretariat and administrators. "
        + "Errors are RFC 9457 problem+json with a stable code (schema Problem)."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "portalSession")},
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "HTTP Basic with an engine user (officials, experts, administrators, applicants' scripts)"),
    @SecurityScheme(securitySchemeName = "portalSession", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "JSESSIONID", description = "the portal's session (POST /api/session); changes also need the X-AIPO-Portal header")})
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(Set.of(ApiAuthenticationFilter.class, QueryTextCheck.class, JsonTextCheck.class, ApiErrors.class, JsonbSettings.class, ApiViolations.class));
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
