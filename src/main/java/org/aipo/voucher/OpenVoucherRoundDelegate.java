package org.aipo.voucher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.aipo.common.DomainException;
import org.aipo.platform.EngineUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code ${openVoucherRoundDelegate}} on {@code serviceTask_openRound} of {@code voucherRoundCadence}: opens next
 * year's round from the office's form (开启批次); bad input is a 400 naming the form's field, and the task stays open.
 */
@ApplicationScoped
@Named("openVoucherRoundDelegate")
public class OpenVoucherRoundDelegate implements JavaDelegate {

  private VoucherRoundStages stages;

  protected OpenVoucherRoundDelegate() {
    // for the CDI proxy
  }

  @Inject
  public OpenVoucherRoundDelegate(VoucherRoundStages stages) {
    this.stages = stages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String actor = EngineUser.current(execution.getProcessEngineServices()).orElse("system");
    String name = RefuseVoucherDelegate.text(execution, VoucherRounds.FIELD_NAME);
    VoucherRound.Programme programme = VoucherRoundResource.programme(RefuseVoucherDelegate.text(execution, VoucherRounds.FIELD_PROGRAMME));
    String roundId = stages.openNextRound(name, programme, pool(execution.getVariable(VoucherRounds.FIELD_POOL)),
        validUntil(execution.getVariable(VoucherRounds.FIELD_VALID_UNTIL)), actor);
    execution.setVariable(VoucherRounds.VAR_ROUND, roundId);
  }

  static BigDecimal pool(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null; // the round says poolTotal is required
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw DomainException.badInput("amount.invalid", VoucherRounds.FIELD_POOL, "poolTotal 须为金额（元）", "poolTotal must be an amount in yuan");
    }
  }

  /** A form-js datetime with offset ("2028-12-31T23:59+08:00"), an ISO instant, or a Date. */
  static Instant validUntil(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      return null; // the round says validUntil is required
    }
    try {
      return OffsetDateTime.parse(value.toString().trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.badInput("voucher-round.valid-until", VoucherRounds.FIELD_VALID_UNTIL, "validUntil 须为带时区的日期时间，如 2028-12-31T23:59+08:00",
          "validUntil must be a date and time with offset, e.g. 2028-12-31T23:59+08:00");
    }
  }
}
