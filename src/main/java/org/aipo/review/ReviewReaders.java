package org.aipo.review;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Who reads what a review is about: the experts seated on a review of an item (by its reference, a proposal's
 * id) who did not declare a conflict for it. A recused expert, one who was replaced, and one who declined the
 * invitation (no assignment at all) are not readers.
 */
@ApplicationScoped
@Transactional
public class ReviewReaders {

  /** Assignments whose expert may read the item: declaring (reading decides a conflict), scoring, scored. */
  static final List<Assignment.Status> READING = List.of(Assignment.Status.DECLARING, Assignment.Status.SCORING, Assignment.Status.SCORED);

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  /** The review (newest first) on which this user is seated as a reader of the item with this reference, if any. */
  public Optional<Seated> seatedOn(String reference, String userId) {
    if (reference == null || userId == null) {
      return Optional.empty();
    }
    List<Object[]> rows = entityManager.createQuery("select r.id, r.title, e.name from Assignment a join a.request r, ReviewItem i, "
            + "Expert e where i.request = r and i.id = a.itemId and i.reference = :reference and e.id = a.expertId "
            + "and e.userId = :user and a.status in :reading order by r.createdAt desc", Object[].class)
        .setParameter("reference", reference).setParameter("user", userId).setParameter("reading", READING).getResultList();
    return rows.stream().findFirst().map(row -> new Seated((String) row[0], (String) row[1], (String) row[2]));
  }

  /** A review an expert is seated on, with the expert's name as the pool knows it. */
  public record Seated(String reviewId, String reviewTitle, String expertName) {
  }
}
