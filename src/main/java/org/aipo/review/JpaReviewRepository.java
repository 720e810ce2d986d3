package org.aipo.review;

import org.aipo.common.DomainException;

import org.aipo.expert.PoolMember;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.aipo.expert.Expert;
import org.aipo.expert.ExpertPool;

/** Reviews in JPA (joining the caller's transaction), experts from the expert pool. */
@ApplicationScoped
public class JpaReviewRepository implements ReviewRepository {

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  ExpertPool expertPool;

  @Override
  public ReviewRequest find(String requestId) {
    ReviewRequest request = requestId == null ? null : entityManager.find(ReviewRequest.class, requestId);
    if (request == null) {
      throw DomainException.notFound("review.not-found", "reviewRequestId", "没有评审 " + requestId, "reviewRequestId: no review request " + requestId);
    }
    return request;
  }

  @Override
  public void add(ReviewRequest request) {
    entityManager.persist(request);
  }

  @Override
  public List<ReviewRequest> batch(String drawBatch) {
    return entityManager.createQuery("SELECT r FROM ReviewRequest r WHERE r.drawBatch = :batch ORDER BY r.drawBatchOrder", ReviewRequest.class)
        .setParameter("batch", drawBatch).getResultList();
  }

  @Override
  public List<PoolMember> poolInField(String field) {
    return expertPool.activeInField(field).stream().map(Expert::toPoolMember).toList();
  }

  @Override
  public Optional<PoolMember> expertByUser(String userId) {
    return expertPool.byUser(userId).map(Expert::toPoolMember);
  }

  @Override
  public Optional<String> userOf(String expertId) {
    return Optional.ofNullable(expertId == null ? null : entityManager.find(Expert.class, expertId)).map(Expert::getUserId);
  }
}
