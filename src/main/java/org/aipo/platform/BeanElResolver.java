package org.aipo.platform;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Optional;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Lets BPMN expressions such as {@code camunda:delegateExpression="${auditDelegate}"} name beans.
 * It resolves only top-level identifiers (base == null) that the {@link BeanLookup} knows; process
 * variables of the same name win because the engine's own resolvers are asked first.
 */
public final class BeanElResolver extends ELResolver {

  private final BeanLookup lookup;

  public BeanElResolver(BeanLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Optional<Object> bean = find(base, property);
    if (bean.isPresent()) {
      context.setPropertyResolved(true);
      return bean.get();
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (find(base, property).isPresent()) {
      throw new PropertyNotWritableException("Bean '" + property + "' cannot be assigned from an expression");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (find(base, property).isPresent()) {
      context.setPropertyResolved(true);
      return true;
    }
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? Object.class : null;
  }

  private Optional<Object> find(Object base, Object property) {
    if (base != null || !(property instanceof String name)) {
      return Optional.empty();
    }
    return lookup.byName(name);
  }
}
