package org.aipo.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aipo.platform.BeanLookup;

/** Named beans for the in-memory engine of process tests, in place of CDI. */
public class TestBeans implements BeanLookup {

  private static final Map<String, Object> BEANS = new ConcurrentHashMap<>();

  public static void register(String name, Object bean) {
    BEANS.put(name, bean);
  }

  public static void clear() {
    BEANS.clear();
  }

  @Override
  public Optional<Object> byName(String name) {
    return Optional.ofNullable(BEANS.get(name));
  }
}
