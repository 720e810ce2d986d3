package org.aipo.applicant;

import org.aipo.common.DomainException;

import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the set
 * 0-9 and A-Z without I, O, S, V, Z; position 1 the registering authority, 2 the kind of organisation,
 * 3-8 the administrative division (digits), 9-17 the organisation code, 18 a check character:
 * c18 = 31 − (Σ value(c_i) × 3^(i−1) mod 31) mod 31, with 31 written as 0.
 */
public final class CreditCode {

  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {
  }

  /** The code in upper case, or a DomainException (bad input) naming the field and what is wrong. */
  public static String check(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.badInput("text.required", "creditCode", "统一社会信用代码为必填项", "creditCode is required");
    }
    String normalised = code.trim().toUpperCase(Locale.ROOT);
    if (normalised.length() != 18) {
      throw DomainException.badInput("credit-code.length", "creditCode", "统一社会信用代码须为 18 位，现为 " + normalised.length() + " 位",
          "creditCode must have 18 characters, not " + normalised.length());
    }
    for (int i = 0; i < 18; i++) {
      if (CHARSET.indexOf(normalised.charAt(i)) < 0) {
        throw DomainException.badInput("credit-code.characters", "creditCode", "统一社会信用代码第 " + (i + 1) + " 位的字符“" + normalised.charAt(i)
            + "”不允许（只能是数字和除 I、O、S、V、Z 外的大写字母）", "creditCode: '" + normalised.charAt(i) + "' at position " + (i + 1)
            + " is not allowed (digits and capital letters without I, O, S, V, Z)");
      }
    }
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(normalised.charAt(i))) {
        throw DomainException.badInput("credit-code.division", "creditCode", "统一社会信用代码第 3-8 位为行政区划码，须为数字",
            "creditCode: positions 3-8 are the administrative division and must be digits");
      }
    }
    char expected = checkCharacter(normalised.substring(0, 17));
    if (normalised.charAt(17) != expected) {
      throw DomainException.badInput("credit-code.check-digit", "creditCode", "统一社会信用代码校验位不正确，请检查是否输入有误",
          "creditCode: the check character is wrong; please check the code for a typing error");
    }
    return normalised;
  }

  /** The 18th character for the first 17. */
  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CHARSET.charAt(check);
  }
}
