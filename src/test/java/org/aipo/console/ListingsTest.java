package org.aipo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;

class ListingsTest {

  private static final Map<String, Comparator<String>> SORTS = Map.of("text", Comparator.naturalOrder(), "length", Comparator.comparingInt(String::length));

  @Test
  void aBadFilterSortOrOrderIsA400NamingTheParameter() {
    assertThatThrownBy(() -> Listings.upper("won", "status", List.of("OPEN", "CLOSED"))).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.field()).isEqualTo("status"));
    assertThatThrownBy(() -> Listings.sort(SORTS, "colour", null, "text")).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.field()).isEqualTo("sort"));
    assertThatThrownBy(() -> Listings.sort(SORTS, "text", "up", "text")).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.field()).isEqualTo("order"));
  }

  @Test
  void valuesAreTakenInAnyCaseAndBlankMeansNone() {
    assertThat(Listings.upper(" open ", "status", List.of("OPEN", "CLOSED"))).isEqualTo("OPEN");
    assertThat(Listings.upper(" ", "status", List.of("OPEN"))).isNull();
    assertThat(Listings.query("  ")).isNull();
    assertThat(Listings.matches(Listings.query("河道"), null, "甲 河道巡查")).isTrue();
    assertThat(Listings.matches(Listings.query("ABC"), "xabcx")).isTrue();
    assertThat(Listings.matches(Listings.query("abc"), "xyz", null)).isFalse();
    assertThat(Listings.matches(null, (String) null)).isTrue();
  }

  @Test
  void theDefaultSortAppliesWhenNoneIsAskedAndDescReverses() {
    List<String> words = List.of("bb", "a", "ccc");
    assertThat(words.stream().sorted(Listings.sort(SORTS, null, null, "length")).toList()).containsExactly("a", "bb", "ccc");
    assertThat(words.stream().sorted(Listings.sort(SORTS, "text", "desc", "length")).toList()).containsExactly("ccc", "bb", "a");
  }

  @Test
  void tiersAndLabelsSortByMeaning() {
    assertThat(List.of("low", "HIGH", "medium").stream().sorted(Comparator.comparingInt(RoundOverviews::tierRank)).toList())
        .containsExactly("HIGH", "medium", "low");
    assertThat(List.of("N10", "N2", "N1").stream().sorted(Comparator.comparingInt(RoundOverviews::labelNumber)).toList())
        .containsExactly("N1", "N2", "N10");
  }
}
