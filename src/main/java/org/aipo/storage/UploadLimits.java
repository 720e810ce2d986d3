package org.aipo.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.aipo.common.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many uploads run at once (ADR 0021): at most {@code aipo.upload.maxConcurrent} on this server (default 16) and
 * {@code aipo.upload.maxConcurrentPerUser} per user (default 2). One more is refused at once with 429 and
 * Retry-After (code {@code upload.busy} or {@code upload.busy-user}) — it never waits holding a thread, and never
 * reads its body.
 */
@ApplicationScoped
public class UploadLimits {

  @Inject
  @ConfigProperty(name = "aipo.upload.maxConcurrent", defaultValue = "16")
  int maxConcurrent;

  @Inject
  @ConfigProperty(name = "aipo.upload.maxConcurrentPerUser", defaultValue = "2")
  int maxPerUser;

  private volatile Semaphore global;
  private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

  /** A running upload; close it when the upload has ended. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  public UploadLimits() {
  }

  /** For tests and tools. */
  public UploadLimits(int maxConcurrent, int maxPerUser) {
    this.maxConcurrent = maxConcurrent;
    this.maxPerUser = maxPerUser;
  }

  /** A permit to upload now, or a 429 naming which limit was reached. */
  public Permit enter(String userId) {
    Semaphore all = global();
    AtomicInteger mine = perUser.compute(userId, (u, count) -> {
      AtomicInteger c = count == null ? new AtomicInteger() : count;
      c.incrementAndGet();
      return c;
    });
    if (mine.get() > Math.max(1, maxPerUser)) {
      leave(userId);
      throw DomainException.tooMany("upload.busy-user", "file", "您已有 " + maxPerUser + " 个文件正在上传，请待其完成后再上传",
          "you already have " + maxPerUser + " uploads running; upload this file when one has finished");
    }
    if (!all.tryAcquire()) {
      leave(userId);
      throw DomainException.tooMany("upload.busy", "file", "服务器正忙于接收其他文件，请稍后重试",
          "the server is receiving as many files as it can; try again shortly");
    }
    return new Permit() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          all.release();
          leave(userId);
        }
      }
    };
  }

  private void leave(String userId) {
    perUser.computeIfPresent(userId, (u, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  private Semaphore global() {
    Semaphore all = global;
    if (all == null) {
      synchronized (this) {
        if (global == null) {
          global = new Semaphore(Math.max(1, maxConcurrent));
        }
        all = global;
      }
    }
    return all;
  }
}
