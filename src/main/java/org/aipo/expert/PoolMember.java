package org.aipo.expert;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An expert as the draw sees them: the snapshot of the pool stored with every draw, so that a draw can
 * be replayed for audit exactly as it was made.
 */
public record PoolMember(String expertId, String organisation, Set<String> fields, List<Relationship> relationships) {

  public PoolMember {
    Objects.requireNonNull(expertId, "expertId");
    Objects.requireNonNull(organisation, "organisation");
    fields = Set.copyOf(fields);
    relationships = List.copyOf(relationships);
  }

  /** A declared relationship with an organisation (回避 grounds). */
  public record Relationship(String organisation, Kind kind) {

    public enum Kind {
      RECENT_COLLABORATOR("近期合作 recent collaborator"),
      RELATIVE("亲属 relative"),
      RELATED_COMPANY("关联企业 related company");

      private final String label;

      Kind(String label) {
        this.label = label;
      }

      public String label() {
        return label;
      }
    }
  }
}
