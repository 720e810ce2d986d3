package org.aipo.review;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One expert on one item for one seat: the conflict declaration, then the scores. A recused or replaced
 * assignment stays as a record; the seat's item gets a new assignment.
 */
@Entity
@Table(name = "AIPO_REVIEW_ASSIGNMENT")
public class Assignment {

  public enum Status { DECLARING, SCORING, SCORED, RECUSED, REPLACED }

  @Embeddable
  public static class CriterionScore {

    /** null: "not applicable" (不适用), never zero. */
    @Column(name = "POINTS")
    private Integer points;

    @Column(name = "COMMENT_TEXT", length = 2000)
    private String comment;

    protected CriterionScore() {
      // for JPA
    }

    CriterionScore(Integer points, String comment) {
      this.points = points;
      this.comment = comment;
    }

    public Integer getPoints() {
      return points;
    }

    public String getComment() {
      return comment;
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REQUEST_ID")
  private ReviewRequest request;

  @Column(name = "SEAT_NO", nullable = false)
  private int seatNo;

  @Column(name = "ITEM_ID", nullable = false, length = 36)
  private String itemId;

  @Column(name = "EXPERT_ID", length = 36)
  private String expertId;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private Status status;

  @Column(name = "CONFLICT_DECLARED")
  private Boolean conflictDeclared;

  @Column(name = "CONFLICT_REASON", length = 500)
  private String conflictReason;

  @Column(name = "DECLARED_AT")
  private Instant declaredAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_SCORE", joinColumns = @JoinColumn(name = "ASSIGNMENT_ID"))
  @MapKeyColumn(name = "CRITERION", length = 32)
  private Map<String, CriterionScore> scores = new LinkedHashMap<>();

  @Column(name = "SCORED_AT")
  private Instant scoredAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Assignment() {
    // for JPA
  }

  Assignment(ReviewRequest request, int seatNo, String itemId, String expertId) {
    this.id = UUID.randomUUID().toString();
    this.request = request;
    this.seatNo = seatNo;
    this.itemId = itemId;
    this.expertId = expertId;
    this.status = Status.DECLARING;
  }

  void declare(boolean conflict, String reason, Instant now) {
    requireStatus(Status.DECLARING, "declare a conflict");
    if (conflict && (reason == null || reason.isBlank())) {
      throw DomainException.badInput("review.conflict-reason", "conflictReason", "声明利益冲突须说明理由", "conflictReason: a declared conflict needs its reason");
    }
    conflictDeclared = conflict;
    conflictReason = conflict ? reason : null;
    declaredAt = now;
    status = conflict ? Status.RECUSED : Status.SCORING;
  }

  void score(Map<String, CriterionScore> given, Instant now) {
    requireStatus(Status.SCORING, "score");
    scores = new LinkedHashMap<>(given);
    scoredAt = now;
    status = Status.SCORED;
  }

  void replace() {
    requireStatus(Status.SCORING, "be replaced");
    status = Status.REPLACED;
  }

  private void requireStatus(Status expected, String action) {
    if (status != expected) {
      throw DomainException.conflict("review.assignment-status", null, "此分配当前状态为 " + status + "，不能执行此操作", "this assignment is " + status + " and cannot " + action);
    }
  }

  public String getId() {
    return id;
  }

  public int getSeatNo() {
    return seatNo;
  }

  public String getItemId() {
    return itemId;
  }

  public String getExpertId() {
    return expertId;
  }

  public Status getStatus() {
    return status;
  }

  public Boolean getConflictDeclared() {
    return conflictDeclared;
  }

  public String getConflictReason() {
    return conflictReason;
  }

  public Map<String, CriterionScore> getScores() {
    return Map.copyOf(scores);
  }
}
