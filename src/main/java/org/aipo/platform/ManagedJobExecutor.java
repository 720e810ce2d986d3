package org.aipo.platform;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * Camunda's job executor, with its worker threads made by the container's managed thread factory so
 * that jobs (timers, async continuations) run with the application's class loader, CDI, JPA and JTA,
 * exactly like a request does. Stopping the engine stops the pool.
 */
public class ManagedJobExecutor extends DefaultJobExecutor {

  private final ThreadFactory threadFactory;

  public ManagedJobExecutor(ThreadFactory threadFactory) {
    this.threadFactory = threadFactory;
  }

  @Override
  protected void startExecutingJobs() {
    if (threadPoolExecutor == null || threadPoolExecutor.isShutdown()) {
      threadPoolExecutor = new ThreadPoolExecutor(corePoolSize, maxPoolSize, 0L, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(queueSize), threadFactory, new ThreadPoolExecutor.AbortPolicy());
    }
    super.startExecutingJobs();
  }
}
