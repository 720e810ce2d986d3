package org.aipo.storage;

import java.io.InputStream;

/**
 * Where uploaded files live (ADR 0021): the bytes outside the entity tables, streamed in and out, never whole in
 * memory. An upload is first received into a {@link Spool} (size limit and SHA-256 while streaming, no database
 * connection held while a slow client sends), checked, and then put into the store inside the transaction that
 * records it: a rolled-back transaction leaves nothing stored. Two stores: {@link FileAttachmentStore} (a directory,
 * the embedded default, or a directory shared by the nodes) and {@link DatabaseAttachmentStore} (PostgreSQL large
 * objects, the cluster default).
 */
public interface AttachmentStore {

  /** "files" or "database". */
  String kind();

  /** Takes the spooled file into the store within the current transaction and returns its key (at most 64 characters). */
  String put(Spool spool);

  /** The stored bytes; read them within the current transaction (a large object lives only as long as it). */
  InputStream open(String key);

  /** Deletes the stored bytes when the current transaction commits (never when it rolls back). */
  void delete(String key);
}
