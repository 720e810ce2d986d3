package org.aipo.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.junit.jupiter.api.Test;

/** Issue 29: dates that do not exist and fractions for whole numbers are refused; the engine's argument checks are 400. */
class StrictJacksonTest {

  private final ObjectMapper mapper = new StrictJackson().getContext(Object.class);

  @Test
  void aDateThatDoesNotExistIsRefusedAndARealOneRead() throws Exception {
    assertThatThrownBy(() -> mapper.readValue("\"2026-13-45T25:61:00.000+0100\"", Date.class)).isInstanceOf(InvalidFormatException.class);
    assertThat(mapper.readValue("\"2026-12-07T10:00:00.000+0100\"", Date.class)).isEqualTo(new Date(1_796_634_000_000L));
  }

  @Test
  void aFractionIsNoWholeNumber() throws Exception {
    assertThatThrownBy(() -> mapper.readValue("1.5", Integer.class)).isInstanceOf(MismatchedInputException.class);
    assertThat(mapper.readValue("3", Integer.class)).isEqualTo(3);
  }

  @Test
  void whatTheEnginesArgumentChecksThrowIsTheRequestsFault() {
    ProcessEngineException notPositive = null;
    try {
      EnsureUtil.ensurePositive("version", -1L);
    } catch (ProcessEngineException e) {
      notPositive = e;
    }
    assertThat(notPositive).isNotNull();
    assertThat(BadInput.classify(notPositive).status().getStatusCode()).isEqualTo(400);
    // the same type thrown elsewhere stays a fault
    assertThat(BadInput.classify(new ProcessEngineException("version is not greater than 0"))).isNull();
  }
}
