package org.aipo.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An AI service in the province's register (docs/domain.md programme 5, step 1): what a firm runs, for whom, on
 * which models, with the filing route and risk tier the rules gave it, and the filing or registration number once
 * granted. Other capabilities read it (supervision draws from it, calls check its numbers); changes go through
 * {@link AiServices}.
 */
@Entity
@Table(name = "AIPO_AI_SERVICE")
public class AiService {

  /** What the service must do before it runs (step 2): each with its reason on the service. */
  public enum Route { ALGORITHM_FILING, ALGORITHM_THEN_LARGE_MODEL, REGISTRATION, NONE }

  /** The supervision tier (step 5): high, medium or low risk. */
  public enum Tier { HIGH, MEDIUM, LOW }

  /**
   * Where the service stands: registered (route and tier assigned), in guidance (self-assessment and pre-review),
   * filed (number granted), refused (filing refused), withdrawn (no longer run; drawn by no campaign).
   */
  public enum Status { REGISTERED, IN_GUIDANCE, FILED, REFUSED, WITHDRAWN }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "ORGANISATION_ID", nullable = false, length = 36)
  private String organisationId;

  @Column(name = "NAME", nullable = false, length = 200)
  private String name;

  @Column(name = "PURPOSE", nullable = false, length = 2000)
  private String purpose;

  @Column(name = "USERS_REACHED", nullable = false)
  private long usersReached;

  /** Offered to the public (not only inside the firm). */
  @Column(name = "PUBLIC_FACING", nullable = false)
  private boolean publicFacing;

  /** Has public-opinion attributes (具有舆论属性). */
  @Column(name = "PUBLIC_OPINION", nullable = false)
  private boolean publicOpinion;

  /** Has social-mobilisation capability (社会动员能力). */
  @Column(name = "MOBILISATION", nullable = false)
  private boolean mobilisation;

  /** Fields of application, separated by ';'. */
  @Column(name = "FIELDS", nullable = false, length = 1000)
  private String fields;

  /** Kinds of personal data processed, separated by ';' (empty: none). */
  @Column(name = "PERSONAL_DATA", nullable = false, length = 1000)
  private String personalData;

  /** The day the service started (or will start): the algorithm-filing deadline counts from it. */
  @Column(name = "STARTED_ON")
  private LocalDate startedOn;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_AI_SERVICE_MODEL", joinColumns = @JoinColumn(name = "SERVICE_ID"))
  @OrderColumn(name = "POSITION")
  private List<ServiceModel> models = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "ROUTE", nullable = false, length = 32)
  private Route route;

  @Column(name = "ROUTE_REASON", nullable = false, length = 1000)
  private String routeReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "TIER", nullable = false, length = 8)
  private Tier tier;

  @Column(name = "TIER_REASON", nullable = false, length = 1000)
  private String tierReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 24)
  private Status status;

  @Column(name = "FILING_NUMBER", length = 64)
  private String filingNumber;

  /** Why a filing was refused, or why guidance lapsed. */
  @Column(name = "OUTCOME_NOTE", length = 1000)
  private String outcomeNote;

  @Column(name = "REGISTERED_BY", nullable = false, length = 64)
  private String registeredBy;

  @Column(name = "REGISTERED_AT", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "VERSION", nullable = false)
  private long version;

  protected AiService() {
    // for JPA
  }

  AiService(String organisationId, ServiceFacts facts, Route route, String routeReason, Tier tier, String tierReason, String registeredBy,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.organisationId = organisationId;
    this.registeredBy = registeredBy;
    this.registeredAt = now.atOffset(ZoneOffset.UTC);
    this.status = Status.REGISTERED;
    describe(facts, route, routeReason, tier, tierReason, now);
  }

  /** The firm's facts, as entered (checked by whoever builds them). */
  public record ServiceFacts(String name, String purpose, long usersReached, boolean publicFacing, boolean publicOpinion, boolean mobilisation,
      List<String> fields, List<String> personalData, LocalDate startedOn, List<ServiceModel> models) {
  }

  void describe(ServiceFacts facts, Route route, String routeReason, Tier tier, String tierReason, Instant now) {
    this.name = facts.name();
    this.purpose = facts.purpose();
    this.usersReached = facts.usersReached();
    this.publicFacing = facts.publicFacing();
    this.publicOpinion = facts.publicOpinion();
    this.mobilisation = facts.mobilisation();
    this.fields = String.join(";", facts.fields());
    this.personalData = String.join(";", facts.personalData());
    this.startedOn = facts.startedOn();
    this.models = new ArrayList<>(facts.models());
    this.route = route;
    this.routeReason = routeReason;
    this.tier = tier;
    this.tierReason = tierReason;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  void changeTier(Tier tier, String reason, Instant now) {
    this.tier = tier;
    this.tierReason = reason;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  void status(Status status, Instant now) {
    this.status = status;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  void filed(String filingNumber, Instant now) {
    this.filingNumber = filingNumber;
    this.outcomeNote = null;
    status(Status.FILED, now);
  }

  void outcome(Status status, String note, Instant now) {
    this.outcomeNote = note;
    status(status, now);
  }

  public String getOutcomeNote() {
    return outcomeNote;
  }

  public String getId() {
    return id;
  }

  public String getOrganisationId() {
    return organisationId;
  }

  public String getName() {
    return name;
  }

  public String getPurpose() {
    return purpose;
  }

  public long getUsersReached() {
    return usersReached;
  }

  public boolean isPublicFacing() {
    return publicFacing;
  }

  public boolean isPublicOpinion() {
    return publicOpinion;
  }

  public boolean isMobilisation() {
    return mobilisation;
  }

  public List<String> getFields() {
    return split(fields);
  }

  public List<String> getPersonalData() {
    return split(personalData);
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public List<ServiceModel> getModels() {
    return List.copyOf(models);
  }

  public Route getRoute() {
    return route;
  }

  public String getRouteReason() {
    return routeReason;
  }

  public Tier getTier() {
    return tier;
  }

  public String getTierReason() {
    return tierReason;
  }

  public Status getStatus() {
    return status;
  }

  public String getFilingNumber() {
    return filingNumber;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt.toInstant();
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
  }
}
