package org.aipo.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The answer of a PDF download (proposal documents, voucher redemption files): inline, never cached, never sniffed. */
public final class PdfDownload {

  private PdfDownload() {
  }

  /** The PDF inline under its name, with the SHA-256 of the stored original in X-AIPO-Original-SHA256. */
  public static Response.ResponseBuilder of(byte[] content, String fileName, String originalSha256) {
    return Response.ok(content, "application/pdf")
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
        .header(HttpHeaders.CONTENT_LENGTH, content.length)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-AIPO-Original-SHA256", originalSha256);
  }

  /**
   * The PDF in {@code file}, streamed from disk as the client reads it (never whole in memory); {@code afterwards}
   * runs once it is sent or the client went away (a temporary copy deleted).
   */
  public static Response.ResponseBuilder of(java.nio.file.Path file, Runnable afterwards, String fileName, String originalSha256) {
    long length;
    try {
      length = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      afterwards.run();
      throw new java.io.UncheckedIOException(e);
    }
    jakarta.ws.rs.core.StreamingOutput body = out -> {
      try {
        java.nio.file.Files.copy(file, out);
      } finally {
        afterwards.run();
      }
    };
    return Response.ok(body, "application/pdf")
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
        .header(HttpHeaders.CONTENT_LENGTH, length)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-AIPO-Original-SHA256", originalSha256);
  }

  /** inline, with an ASCII fallback name and the real one RFC 5987-encoded (RFC 6266). */
  public static String contentDisposition(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "document.pdf" : fileName;
    StringBuilder fallback = new StringBuilder();
    for (char c : name.toCharArray()) {
      fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_');
    }
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    return "inline; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
