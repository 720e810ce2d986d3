package org.aipo.voucher;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The related-party check of an application (docs/domain.md programme 4, step 2): the supplier is the
 * applicant itself (same credit code), shares a legal representative or a shareholder the applicant declared,
 * or is on the applicant's declared list of related organisations (credit codes).
 */
public final class RelatedParty {

  private RelatedParty() {
  }

  /** The reason, in Chinese and English, when the supplier is a related party; empty otherwise. */
  public static Optional<String[]> reason(ComputeSupplier supplier, String applicantCreditCode, String legalRepresentative,
      Collection<String> shareholders, Collection<String> relatedCreditCodes) {
    if (supplier.getCreditCode().equalsIgnoreCase(applicantCreditCode)) {
      return Optional.of(new String[] {"服务商与申请单位为同一单位（统一社会信用代码相同）", "the supplier is the applicant itself (same credit code)"});
    }
    if (relatedCreditCodes != null && relatedCreditCodes.stream().anyMatch(code -> code != null && code.trim().equalsIgnoreCase(supplier.getCreditCode()))) {
      return Optional.of(new String[] {"服务商在申请单位申报的关联单位名单中", "the supplier is on the applicant's declared list of related organisations"});
    }
    if (legalRepresentative != null && same(legalRepresentative, supplier.getLegalRepresentative())) {
      return Optional.of(new String[] {"服务商与申请单位的法定代表人相同", "the supplier has the applicant's legal representative"});
    }
    if (shareholders != null) {
      for (String holder : shareholders) {
        if (holder != null && supplier.getShareholders().stream().anyMatch(theirs -> same(theirs, holder))) {
          return Optional.of(new String[] {"服务商与申请单位有共同股东：" + holder.trim(), "the supplier and the applicant share a shareholder: " + holder.trim()});
        }
      }
    }
    return Optional.empty();
  }

  private static boolean same(String a, String b) {
    return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }
}
