package org.aipo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

  @Test
  void theCityComesFromTheCreditCodesDivision() {
    assertThat(Regions.ofCreditCode("91310000MA1AAAAA1T")).as("Shanghai, registered by the municipality").isEqualTo("31");
    assertThat(Regions.ofCreditCode("91310115MA1K3YJ15X")).as("a Shanghai district is Shanghai").isEqualTo("31");
    assertThat(Regions.ofCreditCode("91440300MA5DC2YU0X")).as("Shenzhen").isEqualTo("4403");
    assertThat(Regions.ofCreditCode("91420100MA4KXXXX1A")).as("Wuhan").isEqualTo("4201");
    assertThat(Regions.ofCreditCode("91440800MA5DC2YU0X")).as("a Guangdong city not in the table: its province").isEqualTo("44");
    assertThat(Regions.region("4403").zh()).isEqualTo("深圳市");
    assertThat(Regions.region("44").en()).isEqualTo("Guangdong");
  }

  @Test
  void withoutAUsableCodeTheCityIsUnknown() {
    assertThat(Regions.ofCreditCode(null)).isEqualTo(Regions.UNKNOWN);
    assertThat(Regions.ofCreditCode("913100")).isEqualTo(Regions.UNKNOWN);
    assertThat(Regions.ofCreditCode("91X10000MA1AAAAA1T")).isEqualTo(Regions.UNKNOWN);
    assertThat(Regions.ofCreditCode("91990000MA1AAAAA1T")).as("no province 99").isEqualTo(Regions.UNKNOWN);
    assertThat(Regions.region(Regions.UNKNOWN).zh()).isEqualTo("未知");
  }
}
