package org.aipo.review;

import org.aipo.expert.PoolMember;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may not review these items (回避): experts of an applicant's organisation, experts with a declared
 * relationship to one, experts of a co-applicant or named as co-applicants, and experts the applicant
 * asked to exclude (with a reason). Applied to the whole panel of a review request. Organisation names
 * are compared trimmed and case-insensitively.
 */
public record Avoidance(Set<String> applicantOrganisations, Set<String> coApplicantOrganisations,
    Set<String> coApplicantExpertIds, Map<String, String> excludedByApplicant) {

  public Avoidance {
    applicantOrganisations = normalised(applicantOrganisations);
    coApplicantOrganisations = normalised(coApplicantOrganisations);
    coApplicantExpertIds = Set.copyOf(coApplicantExpertIds);
    excludedByApplicant = Map.copyOf(excludedByApplicant);
  }

  public static Avoidance of(Set<String> applicantOrganisations) {
    return new Avoidance(applicantOrganisations, Set.of(), Set.of(), Map.of());
  }

  private static Set<String> normalised(Set<String> organisations) {
    return organisations.stream().map(Avoidance::key).collect(Collectors.toUnmodifiableSet());
  }

  static String key(String organisation) {
    return organisation.trim().toLowerCase(Locale.ROOT);
  }

  /** The reason this expert must stay out, if any. */
  public Optional<String> reasonFor(PoolMember expert) {
    String organisation = key(expert.organisation());
    if (applicantOrganisations.contains(organisation)) {
      return Optional.of("same organisation as an applicant 与申报单位同单位: " + expert.organisation());
    }
    if (coApplicantOrganisations.contains(organisation)) {
      return Optional.of("organisation is a co-applicant 所在单位为合作申报单位: " + expert.organisation());
    }
    if (coApplicantExpertIds.contains(expert.expertId())) {
      return Optional.of("named as co-applicant 为合作申报人");
    }
    for (PoolMember.Relationship relationship : expert.relationships()) {
      String related = key(relationship.organisation());
      if (applicantOrganisations.contains(related) || coApplicantOrganisations.contains(related)) {
        return Optional.of("declared relationship 申报关系 (" + relationship.kind().label() + ") with " + relationship.organisation());
      }
    }
    String excluded = excludedByApplicant.get(expert.expertId());
    if (excluded != null) {
      return Optional.of("excluded at the applicant's request 申请回避: " + excluded);
    }
    return Optional.empty();
  }
}
