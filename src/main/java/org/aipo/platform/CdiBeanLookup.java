package org.aipo.platform;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Resolves {@code @Named} CDI beans for the engine's expression language. Only normal-scoped beans
 * ({@code @ApplicationScoped}, {@code @RequestScoped}) are handed out: the engine keeps no reference
 * to destroy a {@code @Dependent} instance with, so such a bean is refused with a clear message.
 */
public final class CdiBeanLookup implements BeanLookup {

  private final BeanManager beanManager;

  public CdiBeanLookup(BeanManager beanManager) {
    this.beanManager = beanManager;
  }

  @Override
  public Optional<Object> byName(String name) {
    Set<Bean<?>> beans = beanManager.getBeans(name);
    if (beans.isEmpty()) {
      return Optional.empty();
    }
    Bean<?> bean = beanManager.resolve(beans);
    if (bean.getScope() == Dependent.class) {
      throw new IllegalStateException("Bean '" + name + "' (" + bean.getBeanClass().getName()
          + ") is @Dependent; beans used from BPMN must be @ApplicationScoped");
    }
    CreationalContext<?> context = beanManager.createCreationalContext(bean);
    return Optional.of(beanManager.getReference(bean, Object.class, context));
  }
}
