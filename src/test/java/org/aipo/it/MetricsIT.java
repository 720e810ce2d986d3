package org.aipo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * /metrics (Liberty's mpMetrics, docs/operations.md, ADR 0025): Prometheus text with our figures for the monitoring
 * account over https (the test servers set aipo.metrics.access=account and count every second), nothing for anyone else.
 */
class MetricsIT extends ServerItBase {

  static final String USER = "metrics";
  static final String PASSWORD = "metrics-test-password";

  WebClient tls() throws Exception {
    return WebClient.overTls(Integer.getInteger("it.https.port", 9543));
  }

  HttpResponse<String> metrics() throws Exception {
    return tls().get("/metrics", "Authorization", WebClient.basic(USER, PASSWORD));
  }

  @Test
  void theMonitoringAccountReadsOurFiguresInPrometheusText() throws Exception {
    assertThat(as("office", "GET", "/api/funding-pools", null).statusCode()).as("one REST request to count").isEqualTo(200);

    HttpResponse<String> answer = metrics();

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String body = answer.body();
    for (String figure : new String[] {"aipo_jobs_due", "aipo_jobs_failed", "aipo_incidents_open", "aipo_outbox_pending", "aipo_outbox_failed",
        "aipo_holiday_this_year_missing", "aipo_holiday_next_year_missing"}) {
      assertThat(body).as(figure).contains("# TYPE " + figure + " gauge");
      assertThat(value(body, figure, "")).as(figure + " has been counted (not NaN)").isPresent();
      assertThat(value(body, figure, "").getAsDouble()).as(figure).isGreaterThanOrEqualTo(0);
    }
    assertThat(body).as("REST requests and their latencies (Liberty's mpMetrics)").contains("REST_request_seconds_count{");
  }

  @Test
  void aNewFundingPoolAppearsWithItsRemainingMoney() throws Exception {
    String pool = "met-" + Long.toString(System.nanoTime(), 36);
    String series = "aipo_pool_remaining_yuan";
    String label = "pool=\"" + pool + "\"";
    assertThat(value(metrics().body(), series, label)).as("no series before the pool exists").isEmpty();

    assertThat(as("office", "POST", "/api/funding-pools", "{\"code\":\"" + pool + "\",\"name\":\"监测专项 Metrics fund\",\"total\":1234567.5}")
        .statusCode()).isEqualTo(201);

    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    OptionalDouble remaining = OptionalDouble.empty();
    String body = "";
    while (remaining.isEmpty() && Instant.now().isBefore(until)) {
      Thread.sleep(250);
      body = metrics().body();
      remaining = value(body, series, label);
    }
    assertThat(remaining).as("the pool's series in\n" + body.lines().filter(l -> l.startsWith(series)).toList()).isPresent();
    assertThat(remaining.getAsDouble()).isEqualTo(1234567.5);
    assertThat(body).contains("kind=\"funding\"");
  }

  @Test
  void nobodyElseReadsThem() throws Exception {
    HttpResponse<String> overHttp = anonymous("GET", "/metrics", null);
    assertThat(overHttp.statusCode()).as("plain http is sent to https").isIn(301, 302, 303, 307, 401, 403);
    assertThat(overHttp.body()).doesNotContain("aipo_");

    HttpResponse<String> anonymous = tls().get("/metrics");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("aipo_");

    HttpResponse<String> camundaAdmin = tls().get("/metrics", "Authorization", WebClient.basic("admin", "demo"));
    assertThat(camundaAdmin.statusCode()).as("a Camunda administrator is not the monitoring account").isEqualTo(401);
    assertThat(camundaAdmin.body()).doesNotContain("aipo_");
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labelPart}; empty when none or NaN. */
  static OptionalDouble value(String body, String name, String labelPart) {
    Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(body);
    while (sample.find()) {
      if (sample.group(1).contains(labelPart)) {
        double number = Double.parseDouble(sample.group(2));
        return Double.isNaN(number) ? OptionalDouble.empty() : OptionalDouble.of(number);
      }
    }
    return OptionalDouble.empty();
  }
}
