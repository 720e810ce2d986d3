package org.aipo.applicant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which organisation an applicant user (a Camunda user in group applicant) acts for. */
@Entity
@Table(name = "AIPO_APPLICANT_ACCOUNT")
public class ApplicantAccount {

  @Id
  @Column(name = "USER_ID", length = 64)
  private String userId;

  @Column(name = "ORGANISATION_ID", nullable = false, length = 36)
  private String organisationId;

  @Column(name = "CREATED_AT", nullable = false)
  private Instant createdAt;

  protected ApplicantAccount() {
    // for JPA
  }

  ApplicantAccount(String userId, String organisationId, Instant now) {
    this.userId = userId;
    this.organisationId = organisationId;
    this.createdAt = now;
  }

  public String getUserId() {
    return userId;
  }

  public String getOrganisationId() {
    return organisationId;
  }
}
