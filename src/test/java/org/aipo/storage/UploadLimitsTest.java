package org.aipo.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;

/** At most so many uploads per user and on the server; one more is a 429 naming which limit, and a permit given back frees a place. */
class UploadLimitsTest {

  static void refused(Runnable upload, String code) {
    assertThatThrownBy(upload::run).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind().status()).isEqualTo(429);
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.field()).isEqualTo("file");
    });
  }

  @Test
  void aUserMayRunTwoUploadsAtOnce() {
    UploadLimits limits = new UploadLimits(16, 2);
    UploadLimits.Permit first = limits.enter("applicant1");
    UploadLimits.Permit second = limits.enter("applicant1");
    refused(() -> limits.enter("applicant1"), "upload.busy-user");
    UploadLimits.Permit other = limits.enter("applicant2");
    first.close();
    first.close();
    UploadLimits.Permit third = limits.enter("applicant1");
    refused(() -> limits.enter("applicant1"), "upload.busy-user");
    second.close();
    third.close();
    other.close();
  }

  @Test
  void theServerRunsAtMostItsLimitAndARefusalTakesNoPlace() {
    UploadLimits limits = new UploadLimits(3, 2);
    UploadLimits.Permit a = limits.enter("a");
    UploadLimits.Permit b = limits.enter("b");
    UploadLimits.Permit c = limits.enter("c");
    refused(() -> limits.enter("d"), "upload.busy");
    refused(() -> limits.enter("d"), "upload.busy");
    b.close();
    UploadLimits.Permit d = limits.enter("d");
    refused(() -> limits.enter("e"), "upload.busy");
    a.close();
    c.close();
    d.close();
    limits.enter("a").close();
  }
}
