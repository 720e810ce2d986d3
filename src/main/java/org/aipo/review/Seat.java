package org.aipo.review;

import org.aipo.common.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A seat of the panel: the expert invited to it now, and every invitation with its answer. A declined
 * or unanswered invitation passes the seat to the next reserve, or to the secretariat.
 */
@Entity
@Table(name = "AIPO_REVIEW_SEAT")
public class Seat {

  public enum InvitationStatus { PENDING, ACCEPTED, DECLINED, EXPIRED }

  @Embeddable
  public static class Invitation {

    @Column(name = "EXPERT_ID", nullable = false, length = 36)
    private String expertId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private InvitationStatus status;

    @Column(name = "INVITED_AT", nullable = false)
    private Instant invitedAt;

    @Column(name = "ANSWERED_AT")
    private Instant answeredAt;

    @Column(name = "REASON", length = 500)
    private String reason;

    protected Invitation() {
      // for JPA
    }

    Invitation(String expertId, Instant invitedAt) {
      this.expertId = expertId;
      this.status = InvitationStatus.PENDING;
      this.invitedAt = invitedAt;
    }

    public String getExpertId() {
      return expertId;
    }

    public InvitationStatus getStatus() {
      return status;
    }

    public Instant getAnsweredAt() {
      return answeredAt;
    }

    public String getReason() {
      return reason;
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

  @Column(name = "EXPERT_ID", length = 36)
  private String expertId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_REVIEW_INVITATION", joinColumns = @JoinColumn(name = "SEAT_ID"))
  @OrderColumn(name = "POSITION")
  private List<Invitation> invitations = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Seat() {
    // for JPA
  }

  Seat(ReviewRequest request, int seatNo) {
    this.id = UUID.randomUUID().toString();
    this.request = request;
    this.seatNo = seatNo;
  }

  void invite(String expert, Instant now) {
    this.expertId = expert;
    invitations.add(new Invitation(expert, now));
  }

  void answer(InvitationStatus status, String reason, Instant now) {
    Invitation current = current();
    if (current == null || current.status != InvitationStatus.PENDING) {
      throw DomainException.conflict("review.no-open-invitation", null, "席位 " + seatNo + " 没有待答复的邀请", "seat " + seatNo + " has no open invitation");
    }
    current.status = status;
    current.reason = reason;
    current.answeredAt = now;
    if (status != InvitationStatus.ACCEPTED) {
      expertId = null;
    }
  }

  Invitation current() {
    return invitations.isEmpty() ? null : invitations.get(invitations.size() - 1);
  }

  public boolean isAccepted() {
    Invitation current = current();
    return current != null && current.status == InvitationStatus.ACCEPTED;
  }

  public String getId() {
    return id;
  }

  public int getSeatNo() {
    return seatNo;
  }

  public String getExpertId() {
    return expertId;
  }

  public List<Invitation> getInvitations() {
    return List.copyOf(invitations);
  }

  ReviewRequest getRequest() {
    return request;
  }
}
