package org.aipo.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

/** The shared PDF check: every refusal a 4xx naming the file, by the content and not the name. */
class PdfFileTest {

  static byte[] pdf(int pages) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  static DomainException refusal(String name, byte[] content, long max) {
    try {
      PdfFile.check(name, content, max);
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("accepted " + name);
  }

  @Test
  void aReadablePdfPasses() throws IOException {
    PdfFile.check("合同.pdf", pdf(1), 10 * 1024 * 1024);
    assertThat(PdfFile.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void whatIsNoReadableUnencryptedPdfIsRefusedNamingTheFile() throws IOException {
    assertThat(refusal("a.pdf", new byte[0], 100).code()).isEqualTo("attachment.empty");
    DomainException notPdf = refusal("invoice.pdf", "PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1), 1000);
    assertThat(notPdf.code()).isEqualTo("attachment.not-pdf");
    assertThat(notPdf.field()).isEqualTo("file");
    assertThat(notPdf.getMessage()).contains("invoice.pdf");
    assertThat(refusal("b.pdf", "%PDF-1.7\nnothing\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), 1000).code()).isEqualTo("attachment.broken-pdf");
    assertThat(refusal("big.pdf", pdf(1), 10).code()).isEqualTo("attachment.too-large");
    byte[] encrypted;
    try (PDDocument document = Loader.loadPDF(pdf(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      encrypted = out.toByteArray();
    }
    assertThat(refusal("secret.pdf", encrypted, 10 * 1024 * 1024).code()).isEqualTo("attachment.encrypted");
    assertThatThrownBy(() -> PdfFile.check("none.pdf", pdf(0), 10 * 1024 * 1024)).isInstanceOf(DomainException.class)
        .hasMessageContaining("none.pdf");
  }

  @Test
  void aFileOnDiskIsCheckedLikeBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path good = java.nio.file.Files.write(dir.resolve("good.pdf"), pdf(2));
    PdfFile.check("good.pdf", good, 10 * 1024 * 1024);
    java.nio.file.Path renamed = java.nio.file.Files.write(dir.resolve("photo.pdf"), "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> PdfFile.check("photo.pdf", renamed, 10 * 1024 * 1024))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("attachment.not-pdf"));
    assertThatThrownBy(() -> PdfFile.check("good.pdf", good, 100))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind().status()).isEqualTo(413));
    java.nio.file.Path empty = java.nio.file.Files.write(dir.resolve("empty.pdf"), new byte[0]);
    assertThatThrownBy(() -> PdfFile.check("empty.pdf", empty, 100))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("attachment.empty"));
    java.nio.file.Path broken = java.nio.file.Files.write(dir.resolve("broken.pdf"), "%PDF-1.7 and then nothing".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> PdfFile.check("broken.pdf", broken, 10 * 1024 * 1024))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("attachment.broken-pdf"));
  }
}
