package org.aipo.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * How JSON-B binds our API's request and response records: absent values are written as {@code null} (the
 * answers' shape names every field, as the portal and scripts expect), properties in declaration order.
 */
public class JsonbSettings implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
      .withPropertyOrderStrategy(jakarta.json.bind.config.PropertyOrderStrategy.ANY));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
