package org.aipo.scenario;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aipo.common.Text;
import org.aipo.expert.Fields;
import org.aipo.review.ExpertDraw;

/**
 * One round of scenario-list publication (docs/domain.md programme 1): started by the quarterly cadence or by an
 * official with a theme and a nomination deadline; once published, its listed scenarios are the list's
 * version {@link #getVersion()} (第 n 批), open to calls for demonstration projects.
 */
@Entity
@Table(name = "AIPO_SCENARIO_ROUND")
public class ScenarioRound {

  /** Where the round is. */
  public enum Stage { NOMINATING, CONSOLIDATING, REVIEWING, AWAITING_APPROVAL, IN_NOTICE, PUBLISHED, NOTHING_LISTED }

  /** Who started it. */
  public enum Trigger { CADENCE, OFFICIAL }

  public static final String DEFAULT_REVIEW_FIELD = "digital-government";
  public static final int DEFAULT_PANEL_SIZE = 3;

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "THEME", nullable = false, length = 200)
  private String theme;

  @Enumerated(EnumType.STRING)
  @Column(name = "TRIGGERED_BY", nullable = false, length = 16)
  private Trigger trigger;

  @Column(name = "STARTED_BY", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "STARTED_AT", nullable = false)
  private Instant startedAt;

  @Column(name = "NOMINATION_DEADLINE", nullable = false)
  private Instant nominationDeadline;

  @Column(name = "REVIEW_FIELD", nullable = false, length = 64)
  private String reviewField;

  @Column(name = "PANEL_SIZE", nullable = false)
  private int panelSize;

  @Enumerated(EnumType.STRING)
  @Column(name = "STAGE", nullable = false, length = 20)
  private Stage stage = Stage.NOMINATING;

  /** The nominating units asked (user ids, comma-separated), those who answered, and those who did not in time. */
  @Column(name = "INVITED_UNITS", length = 4000)
  private String invitedUnits = "";

  @Column(name = "RESPONDED_UNITS", length = 4000)
  private String respondedUnits = "";

  @Column(name = "LATE_UNITS", length = 4000)
  private String lateUnits;

  @Column(name = "REVIEW_REQUEST_ID", length = 36)
  private String reviewRequestId;

  /** The committee's verdict on the draft list as a whole (score, recommendation, opinion). */
  @Column(name = "LIST_REVIEW", length = 2000)
  private String listReview;

  /** Leadership's comments on the last return, shown to the office in consolidation. */
  @Column(name = "RETURN_COMMENTS", length = 4000)
  private String returnComments;

  @Column(name = "NOTICE_ROUND", nullable = false)
  private int noticeRound;

  @Column(name = "NOTICE_OPENS_AT")
  private Instant noticeOpensAt;

  @Column(name = "NOTICE_CLOSES_AT")
  private Instant noticeClosesAt;

  /** The list's version (batch number) once published; null before. */
  @Column(name = "LIST_VERSION", unique = true)
  private Integer version;

  @Column(name = "PUBLISHED_AT")
  private Instant publishedAt;

  @Version
  @Column(name = "OPT_LOCK")
  private long optLock;

  protected ScenarioRound() {
    // for JPA
  }

  public ScenarioRound(String theme, Instant nominationDeadline, String reviewField, Integer panelSize, Trigger trigger, String startedBy,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.theme = Text.required(theme, "theme", 200);
    if (nominationDeadline == null) {
      throw DomainException.badInput("field.required", "nominationDeadline", "nominationDeadline 为必填项", "nominationDeadline is required");
    }
    if (!nominationDeadline.isAfter(now)) {
      throw DomainException.badInput("scenario.deadline-past", "nominationDeadline", "提名截止时间须在将来", "nominationDeadline must be in the future");
    }
    this.nominationDeadline = nominationDeadline.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    this.reviewField = reviewField == null ? DEFAULT_REVIEW_FIELD : reviewField;
    if (!Fields.isKnown(this.reviewField)) {
      throw DomainException.badInput("scenario.field-unknown", "reviewField", "未知领域 '" + reviewField + "'", "reviewField: unknown field '" + reviewField + "'");
    }
    this.panelSize = panelSize == null ? DEFAULT_PANEL_SIZE : panelSize;
    ExpertDraw.validate(this.panelSize, 0, Integer.MAX_VALUE);
    this.trigger = trigger;
    this.startedBy = Text.required(startedBy, "startedBy", 64);
    this.startedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  static List<String> split(String units) {
    return units == null || units.isBlank() ? List.of() : Arrays.asList(units.split(","));
  }

  private static String join(Collection<String> units) {
    return String.join(",", units);
  }

  public void invite(Collection<String> units) {
    this.invitedUnits = join(units);
  }

  /** Records that a unit answered (its nominations are stored separately). */
  public void responded(String unit) {
    if (stage != Stage.NOMINATING) {
      throw DomainException.conflict("scenario.nominations-closed", null, "提名已截止。", "Nominations for this round are closed.");
    }
    List<String> responded = new ArrayList<>(split(respondedUnits));
    if (!responded.contains(unit)) {
      responded.add(unit);
      this.respondedUnits = join(responded);
    }
  }

  /** Closes nominations: the invited units that did not answer are recorded as late. */
  public List<String> closeNominations() {
    List<String> late = split(invitedUnits).stream().filter(u -> !split(respondedUnits).contains(u)).toList();
    this.lateUnits = join(late);
    this.stage = Stage.CONSOLIDATING;
    return late;
  }

  public void enter(Stage next) {
    this.stage = next;
  }

  public void returned(String comments) {
    this.returnComments = Text.required(comments, "comments", 4000);
    this.stage = Stage.CONSOLIDATING;
  }

  public void reviewRequested(String requestId) {
    this.reviewRequestId = requestId;
    this.stage = Stage.REVIEWING;
  }

  public void openNotice(Instant opens, Instant closes) {
    this.noticeRound++;
    this.noticeOpensAt = opens.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    this.noticeClosesAt = closes.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    this.stage = Stage.IN_NOTICE;
  }

  public boolean isNoticeOpenAt(Instant now) {
    return stage == Stage.IN_NOTICE && noticeOpensAt != null && !now.isBefore(noticeOpensAt) && now.isBefore(noticeClosesAt);
  }

  public void publish(int version, Instant now) {
    if (stage == Stage.PUBLISHED) {
      throw DomainException.conflict("scenario.round-published", null, "轮次 " + id + " 已发布", "round " + id + " is already published");
    }
    this.version = version;
    this.publishedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    this.stage = Stage.PUBLISHED;
  }

  public String getId() {
    return id;
  }

  public String getTheme() {
    return theme;
  }

  public Trigger getTrigger() {
    return trigger;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getNominationDeadline() {
    return nominationDeadline;
  }

  public String getReviewField() {
    return reviewField;
  }

  public int getPanelSize() {
    return panelSize;
  }

  public Stage getStage() {
    return stage;
  }

  public List<String> getInvitedUnits() {
    return split(invitedUnits);
  }

  public List<String> getRespondedUnits() {
    return split(respondedUnits);
  }

  /** Null while nominations are open. */
  public List<String> getLateUnits() {
    return lateUnits == null ? null : split(lateUnits);
  }

  public String getReviewRequestId() {
    return reviewRequestId;
  }

  public void listReviewed(String verdict) {
    this.listReview = verdict == null || verdict.length() <= 2000 ? verdict : verdict.substring(0, 2000);
  }

  public String getListReview() {
    return listReview;
  }

  public String getReturnComments() {
    return returnComments;
  }

  public int getNoticeRound() {
    return noticeRound;
  }

  public Instant getNoticeOpensAt() {
    return noticeOpensAt;
  }

  public Instant getNoticeClosesAt() {
    return noticeClosesAt;
  }

  public Integer getVersion() {
    return version;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
