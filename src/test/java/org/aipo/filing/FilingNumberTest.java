package org.aipo.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilingNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"网信算备110108823483901230031号", "Beijing-ExampleChat-20240315S0001", "Hubei-ZhiHui-20241231S0123"})
  void acceptsTheDocumentedForms(String number) {
    assertThat(FilingNumber.normalise(number, "filingNumber")).isEqualTo(number);
  }

  @Test
  void storesWithoutSpaces() {
    assertThat(FilingNumber.normalise("  网信算备 110108823483901230031 号 ", "n")).isEqualTo("网信算备110108823483901230031号");
  }

  @ParameterizedTest
  @ValueSource(strings = {"网信算备12345号", "网信算备110108823483901230031", "Beijing-ExampleChat-20240230S0001", "beijing-x-20240315S0001",
      "Beijing-ExampleChat-20240315S001", "ICP备12345678号", "Beijing-Ex ample-20240315X0001"})
  void refusesOtherFormsNamingTheField(String number) {
    assertThatThrownBy(() -> FilingNumber.normalise(number, "models[1].filingNumber")).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.code()).isEqualTo("filing-number.form");
      assertThat(e.field()).isEqualTo("models[1].filingNumber");
      assertThat(e.kind()).isEqualTo(DomainException.Kind.BAD_INPUT);
    });
  }

  @Test
  void tellsAlgorithmNumbersApart() {
    assertThat(FilingNumber.isAlgorithmFiling("网信算备110108823483901230031号")).isTrue();
    assertThat(FilingNumber.isAlgorithmFiling("Beijing-ExampleChat-20240315S0001")).isFalse();
  }
}
