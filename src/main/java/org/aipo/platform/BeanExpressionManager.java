package org.aipo.platform;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The engine's expression manager plus named beans. Camunda's own CDI module
 * (camunda-engine-cdi-jakarta) is not published for 7.24, so this small class takes its place:
 * variables first (Camunda's resolvers), then beans, then method calls on whatever was resolved.
 */
public class BeanExpressionManager extends JuelExpressionManager {

  private final BeanLookup lookup;

  public BeanExpressionManager(BeanLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(super.createElResolver());
    resolver.add(new BeanElResolver(lookup));
    resolver.add(new BeanELResolver());
    return resolver;
  }
}
