package org.aipo.storage;

/** What the store keeps of one file: its key, its size in bytes and the hex SHA-256 of its bytes. */
public record StoredFile(String key, long size, String sha256) {
}
