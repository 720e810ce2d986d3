package org.aipo.selection;

import org.aipo.proposal.AcceptanceRecord;
import org.aipo.call.Call;
import org.aipo.notice.Objection;
import org.aipo.project.ProjectStages;
import org.aipo.proposal.Proposal;
import org.aipo.proposal.Proposals;
import org.aipo.call.Calls;
import org.aipo.notice.Notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aipo.common.Text;

/**
 * The call's records in memory for process tests: the real entities and the real ranking, notice and
 * objection rules of {@link CallStageService}; review results are given by the test.
 */
public class InMemoryCallStages implements CallStages, ProjectStages {

  final Call call;
  public final Map<String, Proposal> proposals = new LinkedHashMap<>();
  final Map<String, CallStageService.Reviewed> reviewResults = new java.util.HashMap<>();
  final Map<String, Objection> objections = new LinkedHashMap<>();
  public final List<String> events = new ArrayList<>();
  public final Map<String, Boolean> milestonePasses = new java.util.HashMap<>();
  int reviewsRequested;

  public InMemoryCallStages(Call call) {
    this.call = call;
  }

  @Override
  public Instant opensAt(String callId) {
    return call.getOpensAt();
  }

  @Override
  public Instant closesAt(String callId) {
    return call.getClosesAt();
  }

  @Override
  public void open(String callId) {
    Calls.enter(call, Call.Stage.OPEN);
  }

  @Override
  public void close(String callId) {
    Calls.enter(call, Call.Stage.CLOSED);
  }

  @Override
  public int pendingChecks(String callId) {
    return (int) proposals.values().stream()
        .filter(p -> p.getStatus() == Proposal.Status.SUBMITTED || p.getStatus() == Proposal.Status.RETURNED).count();
  }

  /** The review groups formed, every round, in order (ids are the groups' ids). */
  public final List<ReviewGroup> groups = new ArrayList<>();
  int round;

  @Override
  public List<String> prepareReviews(String callId) {
    List<Proposal> eligible = proposals.values().stream().filter(p -> p.getStatus() == Proposal.Status.ELIGIBLE).toList();
    round++;
    List<String> ids = new ArrayList<>();
    int no = 0;
    for (ReviewGrouping.Formed formed : ReviewGrouping.form(eligible, call.getMaxGroupSize())) {
      ReviewGroup group = new ReviewGroup(callId, round, ++no, formed.field(), formed.proposals().stream().map(Proposal::getId).toList(),
          Instant.now());
      groups.add(group);
      ids.add(group.getId());
    }
    events.add("groups formed: " + ids.size());
    return ids;
  }

  public List<ReviewGroup> currentGroups() {
    return groups.stream().filter(g -> g.getRound() == round).toList();
  }

  public void move(String proposalId, Integer toGroup, String reason) {
    ReviewGroup from = ReviewGrouping.move(currentGroups(), proposalId, toGroup, reason, call.getMaxGroupSize());
    events.add("moved " + proposalId + " from " + from.getGroupNo() + " to " + toGroup + ": " + reason);
  }

  @Override
  public boolean groupsToConfirm(String callId) {
    return ReviewGrouping.needsConfirmation(currentGroups());
  }

  @Override
  public String groupsSummary(String callId) {
    return CallStageService.summary(call, currentGroups(), proposals);
  }

  @Override
  public List<String> drawGroups(String callId) {
    List<String> ids = new ArrayList<>();
    for (ReviewGroup group : currentGroups()) {
      String id = "review-" + group.getField() + "-" + (++reviewsRequested);
      group.drawnAs(id);
      group.getProposalIds().forEach(p -> Proposals.underReview(proposals.get(p), id));
      ids.add(id);
    }
    events.add("groups drawn: " + ids.size());
    return ids;
  }

  @Override
  public void rank(String callId, Threshold threshold) {
    CallStageService.rankAll(call, new ArrayList<>(proposals.values()), p -> {
      CallStageService.Reviewed given = reviewResults.get(p.getId());
      return new CallStageService.Reviewed(given.score(), given.criterionMeans(), p.getReviewRequestId());
    }, threshold);
    events.add("ranked");
  }

  @Override
  public String rankingSummary(String callId) {
    return "ranking of " + proposals.size();
  }

  @Override
  public void recordApproval(String callId, boolean approved, String comments, String actor) {
    if (!approved) {
      Text.required(comments, "comments", 4000);
    }
    events.add(approved ? "approved" : "returned: " + comments);
  }

  @Override
  public void recordRevision(String callId, String response, String actor) {
    events.add("revised: " + Text.required(response, "response", 4000));
    proposals.values().forEach(Proposals::reopenForRanking);
  }

  @Override
  public void publishNotice(String callId, Instant closes) {
    Calls.openNotice(call, Instant.now(), closes);
    proposals.values().stream().filter(p -> p.getStatus() == Proposal.Status.REVIEWED).forEach(Proposals::published);
  }

  Objection lodge(String proposalId, String grounds) {
    Objection objection = new Objection(call.getId(), call.getNoticeRound(), proposalId, "王五", "13800000000", null, grounds, Instant.now());
    objections.put(objection.getId(), objection);
    return objection;
  }

  @Override
  public String objectionSummary(String objectionId) {
    return objections.get(objectionId).getGrounds();
  }

  @Override
  public void answerObjection(String objectionId, Objection.Decision decision, String answer, String actor) {
    Objection objection = objections.get(objectionId);
    CallStageService.applyAnswer(objection, proposals.get(objection.getProposalId()), decision, answer, actor, Instant.now());
  }

  @Override
  public String closeNotice(String callId) {
    String next = CallStageService.noticeOutcome(objections.values().stream().filter(o -> o.getNoticeRound() == call.getNoticeRound()).toList());
    if (!"clear".equals(next)) {
      proposals.values().forEach(Proposals::reopenForRanking);
    }
    return next;
  }

  @Override
  public List<String> announceAwards(String callId) {
    List<String> awarded = new ArrayList<>();
    proposals.values().stream().filter(p -> p.getStatus() == Proposal.Status.PROPOSED).forEach(p -> {
      Proposals.awarded(p);
      awarded.add(p.getId());
    });
    Calls.enter(call, Call.Stage.AWARDED);
    return awarded;
  }

  /** The call's title, or a project's (both interfaces ask by id). */
  @Override
  public String title(String id) {
    return call.getId().equals(id) ? call.getTitle() : proposals.get(id).content().title();
  }

  // --- the project's milestones

  @Override
  public Instant dueDate(String proposalId, Milestone milestone) {
    return Instant.now().plus(java.time.Duration.ofDays(milestone == Milestone.MID_TERM ? 180 : 365));
  }

  @Override
  public String prepareReview(String proposalId, Milestone milestone) {
    events.add("review " + milestone);
    return "review-" + milestone + "-" + proposalId;
  }

  @Override
  public boolean recordReview(String proposalId, Milestone milestone, String reviewRequestId) {
    boolean passed = milestonePasses.getOrDefault(milestone.name(), true);
    Proposal proposal = proposals.get(proposalId);
    if (milestone == Milestone.MID_TERM) {
      Proposals.midTerm(proposal, passed ? "PASSED" : "FAILED");
    } else {
      Proposals.accepted(proposal, passed ? AcceptanceRecord.Outcome.PASSED : AcceptanceRecord.Outcome.FAILED);
    }
    events.add(milestone + (passed ? " passed" : " failed") + " by " + reviewRequestId);
    return passed;
  }

  @Override
  public void recordOverdue(String proposalId, Milestone milestone) {
    Proposal proposal = proposals.get(proposalId);
    if (milestone == Milestone.MID_TERM) {
      Proposals.midTerm(proposal, "OVERDUE");
    } else {
      Proposals.accepted(proposal, AcceptanceRecord.Outcome.OVERDUE);
    }
    events.add(milestone + " overdue");
  }

  @Override
  public void designateBenchmark(String proposalId, boolean designated, String reasons, String actor) {
    Text.required(reasons, "reasons", 2000);
    Proposals.designateBenchmark(proposals.get(proposalId), designated);
  }

}
