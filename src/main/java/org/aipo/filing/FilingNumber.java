package org.aipo.filing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aipo.common.DomainException;

/**
 * The forms of filing and registration numbers the register accepts (ADR 0014):
 * <ul>
 * <li>algorithm filing (算法备案): {@code 网信算备} followed by 15 to 24 digits and {@code 号}, as the CAC's
 * algorithm-filing system issues them, e.g. {@code 网信算备110108823483901230031号};</li>
 * <li>large-model filing and registration (大模型备案、登记): {@code <Province>-<Name>-<yyyyMMdd>S<nnnn>} in Latin letters
 * and digits, as the CAC's published lists show them, e.g. {@code Beijing-ExampleChat-20240315S0001}; the date must be a
 * real day.</li>
 * </ul>
 * Numbers are stored trimmed and without inner spaces, so that the same number is the same string (uniqueness).
 */
public final class FilingNumber {

  static final Pattern ALGORITHM = Pattern.compile("网信算备\\d{15,24}号");
  static final Pattern LARGE_MODEL = Pattern.compile("[A-Z][A-Za-z]{1,30}-[A-Za-z0-9]{1,60}-(20\\d{2})(\\d{2})(\\d{2})S\\d{4}");

  private FilingNumber() {
  }

  /** The number in its stored form, or a 400 naming {@code field} when it has neither accepted form. */
  public static String normalise(String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.badInput("field.required", field, field + " 为必填项", field + " is required");
    }
    String number = value.strip().replaceAll("\\s+", "");
    if (number.length() <= 64 && (ALGORITHM.matcher(number).matches() || realDay(LARGE_MODEL.matcher(number)))) {
      return number;
    }
    throw DomainException.badInput("filing-number.form", field,
        field + " 不是可接受的备案号：算法备案号形如“网信算备110108823483901230031号”，大模型备案号或登记编号形如“Beijing-ExampleChat-20240315S0001”",
        field + " is not a filing number in an accepted form: an algorithm filing number looks like 网信算备110108823483901230031号, "
            + "a large-model filing or registration number like Beijing-ExampleChat-20240315S0001");
  }

  /** The number is an algorithm-filing number (网信算备…号). */
  public static boolean isAlgorithmFiling(String number) {
    return number != null && ALGORITHM.matcher(number).matches();
  }

  private static boolean realDay(Matcher m) {
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
