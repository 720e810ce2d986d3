package org.aipo.review;

import org.aipo.expert.PoolMember;

import java.util.List;
import java.util.Optional;

/** Where reviews and the expert pool are kept: JPA in the server, memory in process tests. */
public interface ReviewRepository {

  ReviewRequest find(String requestId);

  void add(ReviewRequest request);

  /** The requests drawn together as the groups of one call-level draw, in draw order. */
  List<ReviewRequest> batch(String drawBatch);

  /** The active experts of a field, as the draw sees them. */
  List<PoolMember> poolInField(String field);

  Optional<PoolMember> expertByUser(String userId);

  Optional<String> userOf(String expertId);
}
