package org.aipo.voucher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.aipo.common.DomainException;

/**
 * Element ids, variables and audit actions of {@code processes/voucher-lifecycle.bpmn} (process 4 of
 * docs/domain.md), and the checks on amounts that its API and entities share.
 */
public final class Vouchers {

  public static final String PROCESS_KEY = "voucherLifecycle";
  public static final String SUBJECT_TYPE = "voucher";
  public static final String ROUND_SUBJECT = "voucher-round";
  public static final String SUPPLIER_SUBJECT = "compute-supplier";
  /** The audit subject of file downloads (per voucher), kept apart from the voucher's own decisions. */
  public static final String FILE_SUBJECT = "voucher-files";

  public static final String TASK_EXPERT_OPINION = "userTask_expertOpinion";
  public static final String TASK_REVIEW = "userTask_reviewVoucher";
  public static final String TASK_VERIFY = "userTask_verifyRedemption";
  public static final String RECEIVE_REDEMPTION = "receiveTask_awaitRedemption";
  public static final String TIMER_REMINDER = "boundaryTimer_expiryReminder";
  public static final String TIMER_EXPIRY = "boundaryTimer_voucherExpired";
  public static final String MESSAGE_REDEMPTION = "voucherRedemptionSubmitted";
  public static final String END_PAID = "endEvent_voucherPaid";
  public static final String END_REFUSED = "endEvent_voucherRefused";
  public static final String END_LAPSED = "endEvent_voucherLapsed";

  public static final String VAR_VOUCHER = "voucherId";
  public static final String VAR_NEEDS_EXPERTS = "needsExperts";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_COMMENT = "comment";
  public static final String VAR_VERIFIED = "verified";
  public static final String VAR_VERIFIED_VALUE = "verifiedValue";
  public static final String VAR_EXPIRES_AT = "voucherExpiresAt";
  public static final String VAR_REMINDER_AT = "voucherReminderAt";
  public static final String VAR_NUMBER = "voucherNumber";
  public static final String VAR_PAID = "paidAmount";

  public static final String ACTION_APPLIED = "voucher.applied";
  public static final String ACTION_REFUSED = "voucher.refused";
  public static final String ACTION_RESERVED = "voucher.reserved";
  public static final String ACTION_ISSUED = "voucher.issued";
  public static final String ACTION_REDEMPTION_SUBMITTED = "voucher.redemption-submitted";
  public static final String ACTION_REDEMPTION_RETURNED = "voucher.redemption-returned";
  public static final String ACTION_PAID = "voucher.paid";
  public static final String ACTION_FILE_UPLOADED = "voucher.file-uploaded";
  public static final String ACTION_FILE_READ = "voucher.file-read";
  public static final String ACTION_REMINDED = "voucher.expiry-reminder";
  public static final String ACTION_LAPSED = "voucher.lapsed";

  /** The default amount above which experts review an application (expected contract value, yuan). */
  public static final BigDecimal DEFAULT_EXPERT_THRESHOLD = new BigDecimal("1000000.00");
  public static final int DEFAULT_REMINDER_DAYS = 30;

  private Vouchers() {
  }

  /** A money amount in yuan: present, at most 13 digits and 2 decimals, positive (or not negative). */
  static BigDecimal amount(BigDecimal value, String field, boolean positive) {
    if (value == null) {
      throw DomainException.badInput("field.required", field, field + " 为必填项", field + " is required");
    }
    if ((positive ? value.signum() <= 0 : value.signum() < 0) || value.stripTrailingZeros().scale() > 2
        || value.precision() - value.scale() > 13) {
      throw DomainException.badInput("amount.invalid", field, field + " 须为" + (positive ? "正" : "非负") + "金额（元，最多 13 位整数和 2 位小数）",
          field + " must be a " + (positive ? "positive" : "non-negative") + " amount in yuan (at most 13 digits and 2 decimals)");
    }
    return value.setScale(2);
  }

  /** Names (shareholders): trimmed, none blank, at most 100 characters each. */
  static List<String> names(List<String> names, String field) {
    List<String> clean = new ArrayList<>();
    if (names == null) {
      return clean;
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank() || name.length() > 100 || name.contains(";")) {
        throw DomainException.badInput("voucher.name-invalid", field + "[" + i + "]", field + "[" + i + "] 须为 1 至 100 个字符的名称（不含分号）",
            field + "[" + i + "] must be a name of 1 to 100 characters without ';'");
      }
      clean.add(name.trim());
    }
    return clean;
  }
}
