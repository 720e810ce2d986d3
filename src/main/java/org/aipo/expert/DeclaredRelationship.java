package org.aipo.expert;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.aipo.expert.PoolMember.Relationship.Kind;

/** A relationship an expert declared with an organisation: a ground for avoidance (回避). */
@Embeddable
public class DeclaredRelationship {

  @Column(name = "ORGANISATION", nullable = false, length = 200)
  private String organisation;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false, length = 32)
  private Kind kind;

  protected DeclaredRelationship() {
    // for JPA
  }

  public DeclaredRelationship(String organisation, Kind kind) {
    this.organisation = Expert.text(organisation, "relationship organisation", 200);
    this.kind = Objects.requireNonNull(kind, "relationship kind");
  }

  public String getOrganisation() {
    return organisation;
  }

  public Kind getKind() {
    return kind;
  }
}
