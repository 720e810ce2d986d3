package org.aipo.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Our own figures at {@code /metrics} (Liberty's mpMetrics, docs/operations.md): gauges in the application registry
 * whose values come from database counts. The counts do not run when Prometheus scrapes (Liberty's metrics endpoint
 * runs outside the application, and a scrape should cost nothing): every {@code aipo.metrics.refreshSeconds} one task
 * on the application's managed scheduler runs each figure's query and keeps the number; the gauges read it. A figure
 * with labels (a pool's remaining money) gets one series per label set its query returns, added and removed as
 * pools appear and close.
 *
 * <p>The platform registers the engine's figures ({@link EngineFigures}); a capability registers its own figures
 * here (the outbox, the pools), so that the platform knows none of them.
 */
@ApplicationScoped
public class Figures {

  private static final Logger LOG = Logger.getLogger(Figures.class.getName());

  /**
   * The money a pool has left, in yuan, labelled {@code kind} (funding, voucher-round) and {@code pool} (its code or
   * id): one figure that the funding pools and the voucher rounds each fill with their own series.
   */
  public static final String POOL_REMAINING = "aipo_pool_remaining_yuan";

  public static final String POOL_REMAINING_HELP = "Money a pool has left in yuan: a funding pool's total less its calls' commitments,"
      + " an open voucher round's ledger balance";

  public static final List<String> POOL_LABELS = List.of("kind", "pool");

  /** A figure with labels: its label names and, for each set of label values its query returns, the number. */
  public interface LabelledQuery extends Supplier<Map<List<String>, Number>> {
  }

  @Inject
  MetricRegistry registry;

  @Resource
  ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "aipo.metrics.refreshSeconds", defaultValue = "15")
  int refreshSeconds;

  private final List<Single> singles = new CopyOnWriteArrayList<>();

  private final List<Labelled> labelled = new CopyOnWriteArrayList<>();

  private ScheduledFuture<?> refreshing;

  /** A gauge {@code name} whose value is what {@code query} last counted (NaN until the first count, or if it fails). */
  public void gauge(String name, String description, Supplier<? extends Number> query) {
    Single figure = new Single(name, query);
    singles.add(figure);
    registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), figure, Single::value);
  }

  /** A gauge {@code name} with one series per label set that {@code query} returns, with the labels {@code labelNames}. */
  public void labelled(String name, String description, List<String> labelNames, LabelledQuery query) {
    labelled.add(new Labelled(name, description, List.copyOf(labelNames), query));
  }

  void start(@Observes EngineStarted started) {
    int seconds = Math.max(1, refreshSeconds);
    refreshing = scheduler.scheduleWithFixedDelay(this::refresh, 0, seconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
  }

  /** Runs every figure's query once. */
  public void refresh() {
    for (Single figure : singles) {
      figure.refresh();
    }
    for (Labelled figure : labelled) {
      figure.refresh();
    }
  }

  /** One number, refreshed by the scheduler. */
  static final class Single {
    final String name;
    final Supplier<? extends Number> query;
    volatile double value = Double.NaN;

    Single(String name, Supplier<? extends Number> query) {
      this.name = name;
      this.query = query;
    }

    double value() {
      return value;
    }

    void refresh() {
      try {
        value = query.get().doubleValue();
      } catch (RuntimeException e) {
        value = Double.NaN;
        LOG.log(Level.WARNING, "Figure " + name + " could not be counted; it reads NaN until the next count", e);
      }
    }
  }

  /** A gauge per label set; the series of label sets the query no longer returns are removed. */
  final class Labelled {
    final String name;
    final Metadata metadata;
    final List<String> labelNames;
    final LabelledQuery query;
    /** The current numbers, held here (strongly) for the gauges to read. */
    final Map<List<String>, double[]> values = new ConcurrentHashMap<>();

    Labelled(String name, String description, List<String> labelNames, LabelledQuery query) {
      this.name = name;
      this.metadata = Metadata.builder().withName(name).withDescription(description).build();
      this.labelNames = labelNames;
      this.query = query;
    }

    void refresh() {
      Map<List<String>, Number> counted;
      try {
        counted = query.get();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Figure " + name + " could not be counted; its series keep their last numbers", e);
        return;
      }
      for (Map.Entry<List<String>, Number> entry : counted.entrySet()) {
        List<String> labels = List.copyOf(entry.getKey());
        double number = entry.getValue().doubleValue();
        double[] cell = values.get(labels);
        if (cell != null) {
          cell[0] = number;
          continue;
        }
        double[] fresh = {number};
        values.put(labels, fresh);
        registry.gauge(metadata, fresh, c -> c[0], tags(labels));
      }
      Set<List<String>> gone = Set.copyOf(values.keySet());
      for (List<String> labels : gone) {
        if (!counted.containsKey(labels)) {
          registry.remove(new MetricID(name, tags(labels)));
          values.remove(labels);
        }
      }
    }

    Tag[] tags(List<String> labels) {
      if (labels.size() != labelNames.size()) {
        throw new IllegalArgumentException(name + " has the labels " + labelNames + ", not " + labels);
      }
      Tag[] tags = new Tag[labels.size()];
      for (int i = 0; i < tags.length; i++) {
        tags[i] = new Tag(labelNames.get(i), labels.get(i));
      }
      return tags;
    }
  }
}
