package org.aipo.testing;

import org.aipo.common.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aipo.expert.PoolMember;
import org.aipo.review.ReviewRepository;
import org.aipo.review.ReviewRequest;

/** Reviews and experts in memory, for process tests (the server keeps them in JPA). */
public class InMemoryReviewRepository implements ReviewRepository {

  private final Map<String, ReviewRequest> requests = new ConcurrentHashMap<>();
  private final List<PoolMember> pool = new ArrayList<>();
  private final Map<String, String> userByExpert = new ConcurrentHashMap<>();

  public void addExpert(PoolMember expert, String userId) {
    pool.add(expert);
    userByExpert.put(expert.expertId(), userId);
  }

  @Override
  public ReviewRequest find(String requestId) {
    ReviewRequest request = requests.get(requestId);
    if (request == null) {
      throw DomainException.notFound("review.not-found", "reviewRequestId", "没有评审 " + requestId, "reviewRequestId: no review request " + requestId);
    }
    return request;
  }

  @Override
  public void add(ReviewRequest request) {
    requests.put(request.getId(), request);
  }

  @Override
  public List<ReviewRequest> batch(String drawBatch) {
    return requests.values().stream().filter(r -> drawBatch.equals(r.getDrawBatch()))
        .sorted(java.util.Comparator.comparing(ReviewRequest::getDrawBatchOrder)).toList();
  }

  @Override
  public List<PoolMember> poolInField(String field) {
    return pool.stream().filter(m -> m.fields().contains(field)).toList();
  }

  @Override
  public Optional<PoolMember> expertByUser(String userId) {
    return userByExpert.entrySet().stream().filter(e -> e.getValue().equals(userId)).map(Map.Entry::getKey)
        .findFirst().flatMap(id -> pool.stream().filter(m -> m.expertId().equals(id)).findFirst());
  }

  @Override
  public Optional<String> userOf(String expertId) {
    return Optional.ofNullable(userByExpert.get(expertId));
  }
}
