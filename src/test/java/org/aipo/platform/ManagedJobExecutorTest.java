package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.aipo.testing.InMemoryEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class ManagedJobExecutorTest {

  @Test
  void runsDueTimersOnThreadsOfTheGivenFactoryAndStopsWithTheEngine() throws Exception {
    AtomicInteger made = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      made.incrementAndGet();
      Thread thread = new Thread(runnable, "managed-test-" + made.get());
      thread.setDaemon(true);
      return thread;
    };
    ManagedJobExecutor executor = new ManagedJobExecutor(factory);
    executor.setMaxWait(500);
    ProcessEngineConfigurationImpl configuration = InMemoryEngine.configuration();
    configuration.setJobExecutor(executor);
    configuration.setJobExecutorActivate(true);
    configuration.setAuthorizationEnabled(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("timer.bpmn",
          Bpmn.createExecutableProcess("timerProcess").camundaHistoryTimeToLive(1)
              .startEvent().intermediateCatchEvent("timer_wait").timerWithDuration("PT0S")
              .endEvent().done()).deploy();
      String id = engine.getRuntimeService().startProcessInstanceByKey("timerProcess").getId();

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
          assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
              .as("the timer fired and the instance ended").isZero());
      assertThat(made.get()).as("worker threads came from the managed factory").isPositive();
    } finally {
      engine.close();
    }
    assertThat(executor.isActive()).isFalse();
    assertThat(executor.getThreadPoolExecutor().isTerminated()).isTrue();
  }
}
