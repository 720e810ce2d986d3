package org.aipo.selection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A review group of a call (分组评审, docs/adr/0020): at most the call's group size of eligible proposals of one field,
 * formed in one review round of the call, numbered within the round; it becomes one review request when the groups
 * are drawn ({@code requestId}), after which it no longer changes.
 */
@Entity
@Table(name = "AIPO_REVIEW_GROUP")
public class ReviewGroup {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "CALL_ID", nullable = false, length = 36)
  private String callId;

  @Column(name = "ROUND_NO", nullable = false)
  private int roundNo;

  @Column(name = "GROUP_NO", nullable = false)
  private int groupNo;

  @Column(name = "FIELD", nullable = false, length = 64)
  private String field;

  @Column(name = "REQUEST_ID", length = 36)
  private String requestId;

  @Column(name = "CREATED_AT", nullable = false)
  private java.time.OffsetDateTime createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_GROUP_MEMBER", joinColumns = @JoinColumn(name = "GROUP_ID"))
  @OrderColumn(name = "POSITION")
  @Column(name = "PROPOSAL_ID", length = 36)
  private List<String> proposalIds = new ArrayList<>();

  protected ReviewGroup() {
    // for JPA
  }

  ReviewGroup(String callId, int round, int groupNo, String field, List<String> proposalIds, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.callId = callId;
    this.roundNo = round;
    this.groupNo = groupNo;
    this.field = field;
    this.proposalIds = new ArrayList<>(proposalIds);
    this.createdAt = now.atOffset(java.time.ZoneOffset.UTC);
  }

  void remove(String proposalId) {
    proposalIds.remove(proposalId);
  }

  void add(String proposalId) {
    proposalIds.add(proposalId);
  }

  void drawnAs(String reviewRequestId) {
    this.requestId = reviewRequestId;
  }

  public String getId() {
    return id;
  }

  public String getCallId() {
    return callId;
  }

  public int getRound() {
    return roundNo;
  }

  public int getGroupNo() {
    return groupNo;
  }

  public String getField() {
    return field;
  }

  public String getRequestId() {
    return requestId;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public List<String> getProposalIds() {
    return List.copyOf(proposalIds);
  }
}
