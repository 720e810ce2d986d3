package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The related-party check of an application: each kind of relation, and none. */
class RelatedPartyTest {

  static final String SUPPLIER_CODE = "91310115MA1K4B2C3Y";

  static ComputeSupplier supplier() {
    return new ComputeSupplier("智算云", code("91310115MA1K4B2C3"), "赵六", List.of("赵六", "某投资有限公司"), "bd@compute.example", Instant.now());
  }

  /** The credit code of these 17 characters with its check character. */
  static String code(String first17) {
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      sum += charset.indexOf(first17.charAt(i)) * weight;
      weight = weight * 3 % 31;
    }
    return first17 + charset.charAt((31 - sum % 31) % 31);
  }

  @Test
  void theSameCreditCode() {
    ComputeSupplier supplier = supplier();
    assertThat(RelatedParty.reason(supplier, supplier.getCreditCode().toLowerCase(), null, List.of(), List.of())).get()
        .satisfies(reason -> assertThat(reason[1]).contains("same credit code"));
  }

  @Test
  void aDeclaredRelationship() {
    ComputeSupplier supplier = supplier();
    assertThat(RelatedParty.reason(supplier, code("91110108MA01A2B3C"), "王明", List.of("王明"), List.of(" " + supplier.getCreditCode() + " "))).get()
        .satisfies(reason -> assertThat(reason[1]).contains("declared list"));
  }

  @Test
  void aSharedLegalRepresentative() {
    assertThat(RelatedParty.reason(supplier(), code("91110108MA01A2B3C"), " 赵六 ", List.of(), List.of())).get()
        .satisfies(reason -> assertThat(reason[1]).contains("legal representative"));
  }

  @Test
  void aSharedShareholder() {
    assertThat(RelatedParty.reason(supplier(), code("91110108MA01A2B3C"), "王明", List.of("王明", "某投资有限公司"), List.of())).get()
        .satisfies(reason -> assertThat(reason[0]).contains("某投资有限公司"));
  }

  @Test
  void noRelation() {
    assertThat(RelatedParty.reason(supplier(), code("91110108MA01A2B3C"), "王明", List.of("王明"), List.of(code("91440300MA5F0A1B2")))).isEmpty();
  }
}
