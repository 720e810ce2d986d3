package org.aipo.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Server settings from MicroProfile Config: server.xml variables, environment, system properties. */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "aipo.profile", defaultValue = "demo")
  String profile;

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "8080")
  String httpPort;

  /**
   * Demo data on a database other than the embedded one: only for throw-away test databases (the
   * PostgreSQL run of the test suite). Never set in production; the production profile ignores it.
   */
  @Inject
  @ConfigProperty(name = "aipo.demo.anyDatabase", defaultValue = "false")
  boolean demoOnAnyDatabase;

  /**
   * This node's name in a cluster of servers on one database: the lock owner of the jobs it runs and the
   * host name in the job log (Cockpit shows both). Empty: Camunda's defaults (a random lock owner, the
   * machine's address).
   */
  @Inject
  @ConfigProperty(name = "aipo.node.name", defaultValue = " ")
  String nodeName;

  /**
   * How long a node owns a job it has taken: a node that dies with jobs in hand leaves them to the other
   * nodes after this time. Camunda's default is 5 minutes; a job that runs longer than this may run twice.
   */
  @Inject
  @ConfigProperty(name = "aipo.jobs.lockTime", defaultValue = "PT5M")
  String jobLockTime;

  /**
   * How long one SQL statement of the engine may run before the database stops it: Camunda's queries
   * (Tasklist's counts, Cockpit's history) on large tables, which would otherwise run on in the database
   * after the browser has given up. Whole seconds; {@code PT0S} turns it off.
   */
  @Inject
  @ConfigProperty(name = STATEMENT_TIMEOUT, defaultValue = "PT60S")
  String statementTimeout;

  public static final String STATEMENT_TIMEOUT = "aipo.db.statementTimeout";

  /** How many experts or organisations an applicant may ask to exclude from a proposal's review (issue 27), 0 to 10. */
  @Inject
  @ConfigProperty(name = "aipo.proposal.maxExclusions", defaultValue = "3")
  int maxExclusions;

  public int maxExclusions() {
    if (maxExclusions < 0 || maxExclusions > 10) {
      throw new IllegalArgumentException("aipo.proposal.maxExclusions must be between 0 and 10, not " + maxExclusions);
    }
    return maxExclusions;
  }

  public java.util.Optional<String> nodeName() {
    return nodeName == null || nodeName.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(nodeName.trim());
  }

  public java.time.Duration jobLockTime() {
    java.time.Duration lock = duration("aipo.jobs.lockTime", jobLockTime, "PT5M");
    if (lock.isNegative() || lock.isZero()) {
      throw new IllegalArgumentException("aipo.jobs.lockTime must be positive, not " + jobLockTime);
    }
    return lock;
  }

  /** An ISO 8601 duration setting, or a refusal naming the setting and an example. */
  static java.time.Duration duration(String name, String value, String example) {
    try {
      return java.time.Duration.parse(String.valueOf(value).trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO 8601 duration such as " + example + ", not " + value, e);
    }
  }

  /** {@link #STATEMENT_TIMEOUT} in seconds, 0 for none. */
  public int statementTimeoutSeconds() {
    return statementTimeoutSeconds(statementTimeout);
  }

  static int statementTimeoutSeconds(String value) {
    java.time.Duration timeout = duration(STATEMENT_TIMEOUT, value, "PT60S (PT0S: none)");
    if (timeout.isNegative() || timeout.getNano() != 0 || timeout.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(STATEMENT_TIMEOUT + " must be whole seconds, at least 0 (PT0S: none), not " + value);
    }
    return (int) timeout.getSeconds();
  }

  public boolean demoOnAnyDatabase() {
    return demoOnAnyDatabase;
  }

  public Profile profile() {
    return Profile.parse(profile);
  }

  /** What a newcomer opens first, printed once the engine runs. */
  public String readyBanner() {
    String base = "http://localhost:" + httpPort;
    StringBuilder banner = new StringBuilder("AI Programme Office is ready (profile ").append(profile()).append(")")
        .append("\n  Portal    ").append(base).append("/portal/  (applicants)")
        .append("\n  Tasklist  ").append(base).append("/camunda/app/tasklist/")
        .append("\n  Cockpit   ").append(base).append("/camunda/app/cockpit/")
        .append("\n  Admin     ").append(base).append("/camunda/app/admin/")
        .append("\n  REST API  ").append(base).append("/engine-rest/engine")
        .append("\n  Ready?    ").append(base).append("/health/ready");
    if (profile() == Profile.DEMO) {
      banner.append("\n  Demo logins (password 'demo'): office, secretary, expert1, leader in Tasklist; "
          + "applicant1 in the portal; admin everywhere");
    }
    return banner.toString();
  }
}
