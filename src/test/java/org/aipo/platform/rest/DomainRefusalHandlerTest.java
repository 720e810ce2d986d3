package org.aipo.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;

import org.aipo.common.DomainException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.Test;

/** A refusal thrown unwrapped by a service task's delegate is answered with its own status and message, never 500. */
class DomainRefusalHandlerTest {

  @Test
  void aConflictIs409WithBothLanguages() {
    Response answer = new DomainRefusalHandler().toResponse(DomainException.conflict("voucher-round.exhausted", null, "余额 0.00 元", "0.00 yuan left"));

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(((ExceptionDto) answer.getEntity()).getMessage()).isEqualTo("余额 0.00 元 0.00 yuan left");
  }

  @Test
  void badInputIs400() {
    assertThat(new DomainRefusalHandler().toResponse(DomainException.badInput("field.required", "verifiedValue", "必填", "required")).getStatus())
        .isEqualTo(400);
  }
}
