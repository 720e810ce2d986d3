package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.junit.jupiter.api.Test;

class BeanElResolverTest {

  private final Object delegate = new Object();
  private final BeanLookup lookup = name -> Optional.ofNullable(Map.of("auditDelegate", delegate).get(name));
  private final BeanExpressionManager manager = new BeanExpressionManager(lookup);

  private ELContext context(Map<String, Object> variables) {
    return manager.createElContext(Variables.fromMap(variables).asVariableContext());
  }

  @Test
  void resolvesANamedBean() {
    Object value = manager.createValueExpression("${auditDelegate}").getValue(context(Map.of()));

    assertThat(value).isSameAs(delegate);
  }

  @Test
  void aProcessVariableOfTheSameNameWins() {
    Object value = manager.createValueExpression("${auditDelegate}").getValue(context(Map.of("auditDelegate", "variable")));

    assertThat(value).isEqualTo("variable");
  }

  @Test
  void callsMethodsOnAResolvedBean() {
    Object value = manager.createValueExpression("${auditDelegate.getClass().getSimpleName()}").getValue(context(Map.of()));

    assertThat(value).isEqualTo("Object");
  }

  @Test
  void leavesUnknownNamesAndPropertiesUnresolved() {
    BeanElResolver resolver = new BeanElResolver(lookup);
    ELContext context = context(Map.of());

    assertThat(resolver.getValue(context, null, "noSuchBean")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
    assertThat(resolver.getValue(context, delegate, "auditDelegate")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
  }

  @Test
  void beansCannotBeAssigned() {
    BeanElResolver resolver = new BeanElResolver(lookup);
    ELContext context = context(Map.of());

    assertThat(resolver.isReadOnly(context, null, "auditDelegate")).isTrue();
    assertThatThrownBy(() -> resolver.setValue(context, null, "auditDelegate", "x"))
        .isInstanceOf(PropertyNotWritableException.class);
  }
}
