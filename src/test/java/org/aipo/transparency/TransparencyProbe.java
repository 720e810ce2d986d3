package org.aipo.transparency;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.aipo.review.ReviewCriterion;
import org.aipo.review.ReviewRequest;
import org.aipo.review.ReviewService;

/**
 * Test-only, inside the server (TransparencyAuditIT): changes audit records and a stored draw behind the
 * application's back, with SQL on its own data source, as someone with database access would, and puts them back.
 */
@ApplicationScoped
@Transactional
public class TransparencyProbe {

  private static final String COLUMNS = "ID, ACTION, ACTOR, DETAIL, OCCURRED_AT, SUBJECT_ID, SUBJECT_TYPE, STREAM_KEY, SEQ, PREV_HASH, HASH";

  @PersistenceContext(unitName = "programmeOffice")
  EntityManager entityManager;

  @Inject
  ReviewService reviews;

  /** Overwrites a record's detail; returns the detail it had. */
  public String editDetail(String recordId, String detail) {
    String before = (String) entityManager.createNativeQuery("SELECT DETAIL FROM AIPO_AUDIT_RECORD WHERE ID = ?1").setParameter(1, recordId)
        .getSingleResult();
    int changed = entityManager.createNativeQuery("UPDATE AIPO_AUDIT_RECORD SET DETAIL = ?1 WHERE ID = ?2").setParameter(1, detail)
        .setParameter(2, recordId).executeUpdate();
    if (changed != 1) {
      throw new IllegalStateException("no audit record " + recordId);
    }
    return before;
  }

  /** Deletes a record; returns its row, for {@link #reinsert}. */
  public Object[] delete(String recordId) {
    Object[] row = (Object[]) entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM AIPO_AUDIT_RECORD WHERE ID = ?1")
        .setParameter(1, recordId).getSingleResult();
    entityManager.createNativeQuery("DELETE FROM AIPO_AUDIT_RECORD WHERE ID = ?1").setParameter(1, recordId).executeUpdate();
    return row;
  }

  public void reinsert(Object[] row) {
    var insert = entityManager.createNativeQuery("INSERT INTO AIPO_AUDIT_RECORD (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (int i = 0; i < row.length; i++) {
      insert.setParameter(i + 1, row[i]);
    }
    insert.executeUpdate();
  }

  /** A review drawn from the demo experts of digital government, without its process (no invitations are sent). */
  public String drawnReview(String run) {
    ReviewRequest request = new ReviewRequest("审计复核测试 Audit replay " + run, "digital-government", 3, 1, 10, 70,
        List.of(new ReviewCriterion("value", "应用价值", 100)), null, "secretary", Instant.now());
    request.addItem("AUDIT-" + run, "审计复核事项 " + run, "某审计测试公司", Set.of(), Map.of());
    reviews.create(request, "secretary");
    reviews.drawPanel(request.getId(), "secretary");
    return request.getId();
  }

  public String snapshot(String requestId) {
    return (String) entityManager.createNativeQuery("SELECT POOL_SNAPSHOT FROM AIPO_REVIEW_REQUEST WHERE ID = ?1").setParameter(1, requestId)
        .getSingleResult();
  }

  /**
   * Swaps one expert of a review's stored pool snapshot for a stranger (another id, same organisation and fields), so
   * the pool keeps its size; returns the snapshot as it was.
   */
  public String replaceInSnapshot(String requestId, String expertId, String strangerId) {
    String before = snapshot(requestId);
    JsonArray members = Json.createReader(new StringReader(before)).readArray();
    JsonArrayBuilder altered = Json.createArrayBuilder();
    int replaced = 0;
    for (JsonValue member : members) {
      if (expertId.equals(member.asJsonObject().getString("expertId"))) {
        replaced++;
        altered.add(Json.createObjectBuilder(member.asJsonObject()).add("expertId", strangerId));
      } else {
        altered.add(member);
      }
    }
    if (replaced != 1) {
      throw new IllegalStateException(expertId + " is not in the snapshot of " + requestId);
    }
    setSnapshot(requestId, altered.build().toString());
    return before;
  }

  public void setSnapshot(String requestId, String snapshot) {
    entityManager.createNativeQuery("UPDATE AIPO_REVIEW_REQUEST SET POOL_SNAPSHOT = ?1 WHERE ID = ?2").setParameter(1, snapshot)
        .setParameter(2, requestId).executeUpdate();
  }
}
