package org.aipo.expert;

import org.aipo.common.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.aipo.common.Text;

/**
 * A member of the provincial expert pool (专家库). {@code userId} is the expert's Camunda user, who works
 * invitations and scoring in Tasklist.
 */
@Entity
@Table(name = "AIPO_EXPERT")
@NamedQuery(name = Expert.ACTIVE_IN_FIELD,
    query = "select distinct e from Expert e join e.fields f where e.active = true and f = :field order by e.id")
@NamedQuery(name = Expert.BY_USER, query = "select e from Expert e where e.userId = :userId")
public class Expert {

  static final String ACTIVE_IN_FIELD = "Expert.activeInField";
  static final String BY_USER = "Expert.byUser";
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "USER_ID", nullable = false, unique = true, length = 64)
  private String userId;

  @Column(name = "NAME", nullable = false, length = 100)
  private String name;

  @Column(name = "ORGANISATION", nullable = false, length = 200)
  private String organisation;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_EXPERT_FIELD", joinColumns = @JoinColumn(name = "EXPERT_ID"))
  @Column(name = "FIELD", length = 64)
  private Set<String> fields = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "AIPO_EXPERT_RELATIONSHIP", joinColumns = @JoinColumn(name = "EXPERT_ID"))
  private List<DeclaredRelationship> relationships = new ArrayList<>();

  @Column(name = "ACTIVE", nullable = false)
  private boolean active = true;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Expert() {
    // for JPA
  }

  public Expert(String userId, String name, String organisation, Set<String> fields) {
    this.id = UUID.randomUUID().toString();
    this.userId = text(userId, "userId", 64);
    if (!USER_ID.matcher(userId).matches()) {
      throw DomainException.badInput("expert.user-id", "userId", "userId 只能包含字母、数字和单个连字符：" + userId,
          "userId may hold letters, digits and single hyphens only: " + userId);
    }
    this.name = text(name, "name", 100);
    this.organisation = text(organisation, "organisation", 200);
    setFields(fields);
  }

  static String text(String value, String field, int max) {
    return Text.required(value, field, max).trim();
  }

  public void setFields(Set<String> fields) {
    Objects.requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      throw DomainException.badInput("expert.fields-required", "fields", "fields 至少须有一个领域", "fields: at least one field is required");
    }
    for (String field : fields) {
      if (!Fields.isKnown(field)) {
        throw DomainException.badInput("expert.field-unknown", "fields", "fields 未知领域 '" + field + "'；可选：" + Fields.codes(),
            "fields: unknown field '" + field + "'; known: " + Fields.codes());
      }
    }
    this.fields = new TreeSet<>(fields);
  }

  public void declare(DeclaredRelationship relationship) {
    relationships.add(Objects.requireNonNull(relationship, "relationship"));
  }

  public void deactivate() {
    active = false;
  }

  /** The expert as the draw sees them (the stored pool snapshot). */
  public PoolMember toPoolMember() {
    return new PoolMember(id, organisation, fields,
        relationships.stream().map(r -> new PoolMember.Relationship(r.getOrganisation(), r.getKind())).toList());
  }

  public String getId() {
    return id;
  }

  public String getUserId() {
    return userId;
  }

  public String getName() {
    return name;
  }

  public String getOrganisation() {
    return organisation;
  }

  public Set<String> getFields() {
    return Set.copyOf(fields);
  }

  public List<DeclaredRelationship> getRelationships() {
    return List.copyOf(relationships);
  }

  public boolean isActive() {
    return active;
  }
}
