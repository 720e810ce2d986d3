package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoucherFileLinksTest {

  private static final String A = "4f1c2d3e-0000-4000-8000-00000000000a";
  private static final String B = "4f1c2d3e-0000-4000-8000-00000000000b";

  @Test
  void everyVoucherFileLinkNamesTheTaskAndNothingElseChanges() {
    String text = "文件 Files:\n- 合同 Contract: [c.pdf](/api/voucher-files/" + A + ")\n- 发票 Invoice: [i.pdf](/api/voucher-files/" + B
        + ")\n\n[other](/api/documents/" + A + ") (/api/voucher-files/" + A + ")";

    String linked = VoucherFileLinks.forTask(text, "77");

    assertThat(linked).contains("[c.pdf](/api/voucher-files/" + A + "?task=77)").contains("[i.pdf](/api/voucher-files/" + B + "?task=77)")
        .contains("[other](/api/documents/" + A + ")").endsWith(" (/api/voucher-files/" + A + ")");
  }
}
