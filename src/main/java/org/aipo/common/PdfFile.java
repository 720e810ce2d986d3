package org.aipo.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The one check of an uploaded PDF, shared by proposal documents and voucher redemption files: a PDF by its
 * content, not its name — it starts with "%PDF-", PDFBox reads it, it is not encrypted (an official could not open
 * it, nor could a copy be watermarked) and it has a page. Each refusal is a 4xx naming the file (field "file").
 */
public final class PdfFile {

  private PdfFile() {
  }

  /** Refuses what is not a readable, unencrypted PDF of at most {@code maxBytes}; the messages start with the file's name. */
  public static void check(String fileName, byte[] content, long maxBytes) {
    check(fileName, content == null ? 0 : content.length, content, maxBytes, () -> Loader.loadPDF(content));
  }

  /**
   * The same check of a file on disk (an upload received by streaming): the magic bytes read from its start, and
   * PDFBox reads it from the file (buffered pages, and any stream it makes cached in temporary files), never the whole
   * file into memory.
   */
  public static void check(String fileName, java.nio.file.Path file, long maxBytes) {
    long size;
    byte[] head;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      size = java.nio.file.Files.size(file);
      head = in.readNBytes(5);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    check(fileName, size, head, maxBytes, () -> load(file));
  }

  /** A PDF read from a file with random access, streams PDFBox makes cached in temporary files. */
  public static PDDocument load(java.nio.file.Path file) throws IOException {
    return Loader.loadPDF(file.toFile(), org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache());
  }

  private interface Opening {
    PDDocument open() throws IOException;
  }

  private static void check(String fileName, long size, byte[] head, long maxBytes, Opening opening) {
    String file = fileName == null ? "" : fileName + ": ";
    if (size == 0) {
      throw DomainException.badInput("attachment.empty", "file", file + "文件为空", file + "the file is empty");
    }
    if (size > maxBytes) {
      throw tooLarge(fileName, maxBytes);
    }
    String magic = new String(head, 0, (int) Math.min(5, Math.min(size, head.length)), StandardCharsets.ISO_8859_1);
    if (!magic.equals("%PDF-")) {
      throw DomainException.badInput("attachment.not-pdf", "file", file + "文件不是 PDF 文档（按内容而非文件名判断）",
          file + "the file is not a PDF document (checked by its content, not its name)");
    }
    try (PDDocument document = opening.open()) {
      if (document.isEncrypted()) {
        throw encrypted(file);
      }
      if (document.getNumberOfPages() == 0) {
        throw DomainException.badInput("attachment.no-pages", "file", file + "PDF 文档没有页面", file + "the PDF has no pages");
      }
    } catch (InvalidPasswordException e) {
      throw encrypted(file);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException known) {
        throw known;
      }
      throw DomainException.badInput("attachment.broken-pdf", "file", file + "PDF 文档已损坏，无法读取",
          file + "the PDF is broken and cannot be read");
    }
  }

  /** The refusal of a file over the size limit (413), naming it. */
  public static DomainException tooLarge(String fileName, long maxBytes) {
    String file = fileName == null ? "" : fileName + ": ";
    return DomainException.tooLarge("attachment.too-large", "file", file + "文件不得超过 " + maxBytes / (1024 * 1024) + " MB",
        file + "the file is larger than " + maxBytes / (1024 * 1024) + " MB");
  }

  /** The hex SHA-256 of the content, kept with a stored original. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DomainException encrypted(String file) {
    return DomainException.badInput("attachment.encrypted", "file", file + "PDF 文档已加密或设有密码，请上传未加密的文件",
        file + "the PDF is encrypted or password-protected; upload it unencrypted");
  }
}
