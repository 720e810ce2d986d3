package org.aipo.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.aipo.common.DomainException;

/** The filter and sort parameters every console overview takes, checked the same way: a bad value is a 400 naming the parameter. */
final class Listings {

  private Listings() {
  }

  /** An enumerated filter value in upper case, or null for none; 400 naming {@code field} when it is not one of {@code allowed}. */
  static String upper(String value, String field, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      throw DomainException.badInput("console.filter", field, field + " 须为 " + allowed + " 之一", field + " must be one of " + allowed);
    }
    return upper;
  }

  /** The search text in lower case, or null for none. */
  static String query(String q) {
    return q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether any of the texts contains the (lower-case) query; a null query matches everything. */
  static boolean matches(String q, String... texts) {
    if (q == null) {
      return true;
    }
    for (String text : texts) {
      if (text != null && text.toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }

  /** The comparator {@code sort} names ({@code fallback} when blank), reversed for {@code order=desc}; 400 naming sort or order. */
  static <R> Comparator<R> sort(Map<String, Comparator<R>> sorts, String sort, String order, String fallback) {
    Comparator<R> comparator = sorts.get(sort == null || sort.isBlank() ? fallback : sort);
    if (comparator == null) {
      throw DomainException.badInput("console.sort", "sort", "sort 须为 " + new TreeMap<>(sorts).keySet() + " 之一",
          "sort must be one of " + new TreeMap<>(sorts).keySet());
    }
    if (order != null && !order.isBlank() && !List.of("asc", "desc").contains(order)) {
      throw DomainException.badInput("console.order", "order", "order 须为 asc 或 desc", "order must be asc or desc");
    }
    return "desc".equals(order) ? comparator.reversed() : comparator;
  }
}
