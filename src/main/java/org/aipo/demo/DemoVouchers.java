package org.aipo.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.aipo.voucher.ComputeSupplier;
import org.aipo.voucher.VoucherRound;
import org.aipo.voucher.VoucherService;

/**
 * Demo data for trying compute vouchers: an open VOUCHER round (10 M yuan, valid to the end of next year) and two
 * listed suppliers, each through its {@code supplierListing} process (the demo user supplier1 is the first one's staff
 * and sees its listing at {@code GET /api/supplier/listing}). The second has the legal representative 周明, so an application by applicant1 that declares
 * 周明 as its legal representative is refused as a related party (README "Try compute vouchers").
 */
@ApplicationScoped
public class DemoVouchers {

  @Inject
  VoucherService vouchers;

  @Transactional
  public void seed() {
    int nextYear = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
    vouchers.openRound(nextYear + " 年度算力券（演示）Demo compute vouchers " + nextYear, VoucherRound.Programme.VOUCHER,
        new BigDecimal("10000000"), OffsetDateTime.of(nextYear, 12, 31, 23, 59, 59, 0, java.time.ZoneOffset.ofHours(8)).toInstant(), null, null, "system");
    ComputeSupplier cloud = vouchers.applyForListing("示例智算云 Demo Compute Cloud", "91310115MA1DCW0A18", "赵六", List.of("赵六", "示例算力投资有限公司"),
        "bd@cloud.demo.example", "supplier1", "system");
    vouchers.decideListing(cloud.getId(), true, "演示数据 demo data", "system");
    ComputeSupplier related = vouchers.applyForListing("示例关联算力 Demo Related Compute", "91310115MA1DCW0B2C", "周明", List.of("周明"),
        "bd@related.demo.example", (String) null, "system");
    vouchers.decideListing(related.getId(), true, "演示数据 demo data", "system");
  }
}
