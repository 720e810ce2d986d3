package org.aipo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where a JSON body holds the NUL character (issue 29): its path, or nothing. */
class NulTextTest {

  static Optional<String> find(String json) {
    return NulText.find(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesTheKeyOrElementHoldingNul() {
    assertThat(find("{\"title\":\"a\\u0000b\"}")).hasValue("title");
    assertThat(find("{\"a\":1,\"members\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"id\":2,\"name\":\"\\u0000\"}]}")).hasValue("members[2].name");
    assertThat(find("{\"variables\":{\"amount\":{\"value\":\"1\\u0000\",\"type\":\"String\"}}}")).hasValue("variables.amount.value");
    assertThat(find("[\"ok\",[true,null,\"\\u0000\"]]")).hasValue("[1][2]");
    assertThat(find("{\"k\\u0000\":1}")).hasValue("k\u0000");
    assertThat(find("\"\\u0000\"")).hasValue("$");
    assertThat(find("{\"nested\":{\"deep\":[{},{\"x\":[1,2,{\"y\":\"\\u0000\"}]}]}}")).hasValue("nested.deep[1].x[2].y");
  }

  @Test
  void findsNothingInCleanOrMalformedBodies() {
    assertThat(find("{\"title\":\"标题 a\\u0041\",\"list\":[1,2,3]}")).isEmpty();
    assertThat(find("{\"text\":\"\\\\u0000 is only written here\"}")).isEmpty();
    assertThat(find("{\"a\":tru, \"title\":\"\\u0000\"}")).as("not well-formed before it: left to the body's reader").isEmpty();
    assertThat(find("")).isEmpty();
  }
}
