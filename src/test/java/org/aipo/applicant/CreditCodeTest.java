package org.aipo.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  void theWeightsArePowersOfThreeModulo31() {
    int weight = 1;
    StringBuilder digits = new StringBuilder("91310000");
    for (int i = 0; i < 9; i++) {
      digits.append(i);
    }
    // the check character makes the weighted sum of all 18 a multiple of 31
    String code = digits + String.valueOf(CreditCode.checkCharacter(digits.toString()));
    int sum = 0;
    for (int i = 0; i < 18; i++) {
      sum += CreditCode.CHARSET.indexOf(code.charAt(i)) * (i < 17 ? weight : 1);
      weight = weight * 3 % 31;
    }
    assertThat(sum % 31).isZero();
    assertThat(CreditCode.check(code)).isEqualTo(code);
  }

  @Test
  void acceptsValidCodesInAnyCaseAndRefusesATypo() {
    String base = "91440300MA5F0TQK4";
    String valid = base + CreditCode.checkCharacter(base);

    assertThat(CreditCode.check(valid.toLowerCase())).isEqualTo(valid);
    char wrong = CreditCode.CHARSET.charAt((CreditCode.CHARSET.indexOf(valid.charAt(17)) + 1) % 31);
    assertThatThrownBy(() -> CreditCode.check(base + wrong)).hasMessageContaining("check character")
        .isInstanceOfSatisfying(org.aipo.common.DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("credit-code.check-digit"));
    String swapped = "91440300MA5F0TKQ4" + CreditCode.checkCharacter(base);
    assertThatThrownBy(() -> CreditCode.check(swapped)).as("two characters swapped").hasMessageContaining("check character");
  }

  @Test
  void refusesMalformedCodesNamingTheField() {
    assertThatThrownBy(() -> CreditCode.check(null)).isInstanceOfSatisfying(org.aipo.common.DomainException.class, e -> {
      org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("text.required");
      org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("creditCode");
      org.assertj.core.api.Assertions.assertThat(e.en()).isEqualTo("creditCode is required");
    });
    assertThatThrownBy(() -> CreditCode.check("9131000012345")).hasMessageContaining("18 characters, not 13")
        .isInstanceOfSatisfying(org.aipo.common.DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("credit-code.length"));
    assertThatThrownBy(() -> CreditCode.check("91310000MA1FL0IO0X")).hasMessageContaining("'I' at position 15");
    assertThatThrownBy(() -> CreditCode.check("9131AB00MA1FL0Q00X")).hasMessageContaining("administrative division");
  }
}
