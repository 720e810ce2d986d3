package org.aipo.transparency;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.aipo.proposal.Attachment;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;

/**
 * The archive of a call for the records office (归档): one ZIP, written as it is made (never whole in memory),
 * with the dossier as PDF and JSON, every proposal's evaluation summary (officials' copy, PDF), every proposal
 * attachment, and at the end {@code manifest.json} and {@code SHA256SUMS} listing each file with its size and
 * SHA-256, computed over the bytes as they went into the ZIP.
 *
 * <p>Not one transaction: the dossier, each proposal's list of attachments and each attachment's content are read
 * in short transactions of their own (the services' own), so that a call of hundreds of proposals neither keeps every
 * attachment it wrote in one persistence context (memory growing with the call) nor outlives the transaction
 * timeout while the ZIP streams to a slow client.
 */
@ApplicationScoped
public class CallArchives {

  /** One file of the archive as the manifest lists it. */
  public record Entry(String name, long size, String sha256) {
  }

  @Inject
  CallDossiers dossiers;

  @Inject
  Proposals proposals;

  @Inject
  ReportFonts fonts;

  /** Writes the archive of the call to {@code out} (not closed); the call and the font are checked by the caller first. */
  public List<Entry> write(String callId, Path font, OutputStream out) {
    CallDossiers.Dossier dossier = dossiers.of(callId);
    List<Entry> entries = new ArrayList<>();
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      entries.add(entry(zip, "dossier.json", o -> o.write(json(dossier.json()))));
      entries.add(entry(zip, "dossier.pdf", o -> ReportPdf.write(dossier.document(), font, o)));
      for (Proposal proposal : proposals.ofCall(callId)) {
        ReportDocument summary = dossier.summaries().get(proposal.getId());
        if (summary != null) {
          entries.add(entry(zip, "reports/" + proposal.getId() + "-evaluation-summary.pdf", o -> ReportPdf.write(summary, font, o)));
        }
        for (Attachment attachment : proposals.attachmentsOf(proposal.getId())) {
          entries.add(entry(zip, "attachments/" + proposal.getId() + "/" + attachment.getId() + "-" + safe(attachment.getFileName()),
              o -> proposals.copyAttachment(attachment.getId(), o)));
        }
      }
      JsonArrayBuilder files = Json.createArrayBuilder();
      StringBuilder sums = new StringBuilder();
      for (Entry entry : entries) {
        files.add(Json.createObjectBuilder().add("name", entry.name()).add("size", entry.size()).add("sha256", entry.sha256()));
        sums.append(entry.sha256()).append("  ").append(entry.name()).append('\n');
      }
      JsonObject manifest = Json.createObjectBuilder().add("kind", "call-archive").add("callId", callId)
          .add("createdAt", Instant.now().toString()).add("algorithm", "SHA-256").add("files", files).build();
      entry(zip, "manifest.json", o -> o.write(json(manifest)));
      entry(zip, "SHA256SUMS", o -> o.write(sums.toString().getBytes(StandardCharsets.UTF_8)));
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Entry entry(ZipOutputStream zip, String name, Content content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    Digesting digesting = new Digesting(zip);
    content.writeTo(digesting);
    zip.closeEntry();
    return new Entry(name, digesting.size, HexFormat.of().formatHex(digesting.digest.digest()));
  }

  static byte[] json(JsonObject object) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(object);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A file name safe inside a ZIP: no directories, no control characters. */
  static String safe(String name) {
    String base = name == null ? "file" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return base.isBlank() ? "file" : base;
  }

  /** Passes bytes on (never closing the ZIP) while counting them and computing their SHA-256. */
  private static final class Digesting extends FilterOutputStream {

    final MessageDigest digest;
    long size;

    Digesting(OutputStream out) {
      super(out);
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      size += len;
    }

    @Override
    public void close() {
      // the ZIP entry is closed by the archive
    }
  }
}
