package org.aipo.transparency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.aipo.api.PdfDownload;
import org.aipo.common.DomainException;

/** The answers of report downloads: the format checked, PDF or HTML or JSON inline, never cached, never sniffed. */
final class ReportDownloads {

  private ReportDownloads() {
  }

  /** The requested format, lower case; a 400 naming {@code format} when it is not one of {@code allowed}. */
  static String format(String requested, List<String> allowed) {
    String format = requested == null || requested.isBlank() ? allowed.get(0) : requested.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(format)) {
      throw DomainException.badInput("report.format", "format", "format 须为 " + String.join("、", allowed) + " 之一，而不是 '" + requested + "'",
          "format must be one of " + String.join(", ", allowed) + ", not '" + requested + "'");
    }
    return format;
  }

  static Response pdf(ReportDocument report, Path font, String fileName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportPdf.write(report, font, out);
    return file(out.toByteArray(), "application/pdf", fileName);
  }

  static Response html(ReportDocument report, String fileName) {
    return file(ReportHtml.render(report).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", fileName);
  }

  static Response file(byte[] content, String mediaType, String fileName) {
    return Response.ok(content, mediaType)
        .header(HttpHeaders.CONTENT_DISPOSITION, PdfDownload.contentDisposition(fileName))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
  }
}
