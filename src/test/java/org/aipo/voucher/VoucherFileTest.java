package org.aipo.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.aipo.common.DomainException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** A redemption file: checked as a PDF by content, its kind from the request, its link in the verification form. */
class VoucherFileTest {

  static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    }
  }

  /** What the store would keep of these bytes (the service checks the PDF before it stores; ADR 0021). */
  static org.aipo.storage.StoredFile stored(byte[] content) {
    return new org.aipo.storage.StoredFile(java.util.UUID.randomUUID().toString(), content.length, org.aipo.common.PdfFile.sha256(content));
  }

  @Test
  void aFileIsAReadablePdfOfAKnownKind() throws IOException {
    VoucherFile file = new VoucherFile("v1", VoucherFile.Kind.of(" Invoice ", "kind"), " 发票.pdf ", stored(pdf()), "firm-user", Instant.EPOCH);
    assertThat(file.getKind()).isEqualTo(VoucherFile.Kind.INVOICE);
    assertThat(file.getFileName()).isEqualTo("发票.pdf");
    assertThat(file.getSha256()).hasSize(64);
    assertThat(file.url()).isEqualTo("/api/voucher-files/" + file.getId());
    assertThatThrownBy(() -> VoucherFile.Kind.of("receipt", "kind")).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.field()).isEqualTo("kind"));
    assertThatThrownBy(() -> org.aipo.common.PdfFile.check("合同.docx", "PK word".getBytes(StandardCharsets.UTF_8), VoucherFile.MAX_BYTES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo("attachment.not-pdf");
          assertThat(e.zh()).startsWith("合同.docx");
        });
  }

  @Test
  void theVerificationFormLinksEveryFileWithItsNameEscaped() throws IOException {
    VoucherFile contract = new VoucherFile("v1", VoucherFile.Kind.CONTRACT, "[x](javascript:alert(1)).pdf", stored(pdf()), "u", Instant.EPOCH);
    VoucherFile usage = new VoucherFile("v1", VoucherFile.Kind.USAGE, "usage.pdf", stored(pdf()), "u", Instant.EPOCH);
    String links = VoucherService.fileLinks(List.of(contract, usage));
    assertThat(links).contains("- 合同 contract: [\\[x\\]\\(javascript\\:alert\\(1\\)\\)\\.pdf](/api/voucher-files/" + contract.getId() + ")")
        .contains("- 用量记录 usage record: [usage\\.pdf](/api/voucher-files/" + usage.getId() + ")");
  }
}
