package org.aipo.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record counted for a measure: when it happened, the fields it belongs to (none, one or several), the city of the
 * organisation behind it ({@link Regions#UNKNOWN} when there is none or it cannot be told) and, for an amount measure,
 * its amount. Made by {@link Achievements} from the owning capabilities' records; never typed in.
 */
public record Fact(Measure measure, Instant at, List<String> fields, String city, BigDecimal amount) {

  public Fact {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(at, "at");
    fields = fields == null ? List.of() : fields.stream().filter(f -> f != null && !f.isBlank()).distinct().toList();
    city = city == null || city.isBlank() ? Regions.UNKNOWN : city;
    amount = amount == null ? BigDecimal.ZERO : amount;
  }

  /** What the fact adds to its measure: 1 for a count, its amount for an amount. */
  BigDecimal value() {
    return measure.isAmount() ? amount : BigDecimal.ONE;
  }
}
