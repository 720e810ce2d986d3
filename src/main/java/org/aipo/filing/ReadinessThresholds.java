package org.aipo.filing;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TC260-003 thresholds as server settings (MicroProfile Config: server.xml variables, environment, system
 * properties), with docs/domain.md's figures as defaults; percentages 0–100.
 */
@ApplicationScoped
public class ReadinessThresholds {

  @Inject
  @ConfigProperty(name = "aipo.filing.corpusSampled", defaultValue = "4000")
  int corpusSampled;

  @Inject
  @ConfigProperty(name = "aipo.filing.corpusAcceptablePct", defaultValue = "96")
  String corpusAcceptablePct;

  @Inject
  @ConfigProperty(name = "aipo.filing.contentBank", defaultValue = "2000")
  int contentBank;

  @Inject
  @ConfigProperty(name = "aipo.filing.contentSampled", defaultValue = "1000")
  int contentSampled;

  @Inject
  @ConfigProperty(name = "aipo.filing.contentAcceptablePct", defaultValue = "90")
  String contentAcceptablePct;

  @Inject
  @ConfigProperty(name = "aipo.filing.refuseBank", defaultValue = "500")
  int refuseBank;

  @Inject
  @ConfigProperty(name = "aipo.filing.refuseSampled", defaultValue = "300")
  int refuseSampled;

  @Inject
  @ConfigProperty(name = "aipo.filing.refusalPct", defaultValue = "95")
  String refusalPct;

  @Inject
  @ConfigProperty(name = "aipo.filing.answerBank", defaultValue = "500")
  int answerBank;

  @Inject
  @ConfigProperty(name = "aipo.filing.answerSampled", defaultValue = "300")
  int answerSampled;

  @Inject
  @ConfigProperty(name = "aipo.filing.wrongRefusalPct", defaultValue = "5")
  String wrongRefusalPct;

  @Inject
  @ConfigProperty(name = "aipo.filing.keywords", defaultValue = "10000")
  int keywords;

  /** The thresholds in force; a malformed percentage setting fails loudly naming it. */
  public Readiness.Thresholds current() {
    return new Readiness.Thresholds(corpusSampled, pct("aipo.filing.corpusAcceptablePct", corpusAcceptablePct), contentBank, contentSampled,
        pct("aipo.filing.contentAcceptablePct", contentAcceptablePct), refuseBank, refuseSampled, pct("aipo.filing.refusalPct", refusalPct), answerBank,
        answerSampled, pct("aipo.filing.wrongRefusalPct", wrongRefusalPct), keywords);
  }

  private static BigDecimal pct(String name, String value) {
    try {
      BigDecimal pct = new BigDecimal(value.trim());
      if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new NumberFormatException();
      }
      return pct;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a percentage from 0 to 100, such as 96, not " + value, e);
    }
  }
}
