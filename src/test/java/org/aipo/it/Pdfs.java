package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFs for the HTTP tests, made with the PDF library the server uses: real ones, encrypted ones, broken ones. */
final class Pdfs {

  private Pdfs() {
  }

  /** A PDF of the given pages, each holding one line of (Latin) text. */
  static byte[] of(String... pages) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages.length == 0 ? new String[] {"document"} : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          stream.beginText();
          stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          stream.newLineAtOffset(72, 700);
          stream.showText(text);
          stream.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PDF that opens only with a password. */
  static byte[] encrypted() {
    try (PDDocument document = Loader.loadPDF(of("secret")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts and ends like a PDF, and is none. */
  static byte[] broken() {
    return "%PDF-1.7\nthis is no PDF body at all, only its first and last line\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The text of every page. */
  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Uploads one PDF of a kind to a proposal (HTTP Basic); the answer. */
  static HttpResponse<String> upload(WebClient client, String user, String password, String proposal, String kind, String name, byte[] pdf)
      throws Exception {
    return client.upload("/api/applicant/proposals/" + proposal + "/attachments?kind=" + kind + "&name="
        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), "application/pdf", pdf, "Authorization", WebClient.basic(user, password));
  }

  /** Uploads the documents a call asks for by default (申报书 and 预算表), so that the proposal can be submitted. */
  static void attachRequired(WebClient client, String user, String password, String proposal) throws Exception {
    for (String kind : new String[] {"application", "budget"}) {
      HttpResponse<String> stored = upload(client, user, password, proposal, kind, kind + ".pdf", of(kind + " of " + proposal));
      assertThat(stored.statusCode()).as(kind + ": " + stored.body()).isEqualTo(201);
    }
  }
}
