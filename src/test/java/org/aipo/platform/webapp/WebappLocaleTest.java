package org.aipo.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Simplified Chinese locale of each Camunda webapp against the English one Camunda ships in the webjar
 * (unpacked by the build into target/camunda-webjar): every key present, placeholders kept, text translated.
 * After a Camunda upgrade this test names every new key that still needs a translation.
 */
class WebappLocaleTest {

  private static final Path SHIPPED = Path.of("target", "camunda-webjar", "META-INF", "resources", "webjars", "camunda", "app");
  private static final Path OURS = Path.of("src", "main", "webapp", "camunda", "app");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");

  private static JsonObject read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (Reader reader = new java.io.StringReader(text); var json = Json.createReader(reader)) {
      return json.readObject();
    }
  }

  private static void compare(String path, JsonValue english, JsonValue chinese, List<String> missing, List<String> placeholders,
      List<String> untranslated) {
    if (chinese == null) {
      missing.add(path);
      return;
    }
    switch (english.getValueType()) {
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> entry : english.asJsonObject().entrySet()) {
          JsonValue other = chinese.getValueType() == JsonValue.ValueType.OBJECT ? chinese.asJsonObject().get(entry.getKey()) : null;
          compare(path + "." + entry.getKey(), entry.getValue(), other, missing, placeholders, untranslated);
        }
      }
      case ARRAY -> {
        JsonArray list = english.asJsonArray();
        for (int i = 0; i < list.size(); i++) {
          JsonValue other = chinese.getValueType() == JsonValue.ValueType.ARRAY && chinese.asJsonArray().size() > i
              ? chinese.asJsonArray().get(i) : null;
          compare(path + "[" + i + "]", list.get(i), other, missing, placeholders, untranslated);
        }
      }
      case STRING -> {
        String en = ((JsonString) english).getString();
        String zh = chinese instanceof JsonString s ? s.getString() : "";
        if (!placeholdersOf(en).equals(placeholdersOf(zh))) {
          placeholders.add(path + ": " + placeholdersOf(en) + " ≠ " + placeholdersOf(zh));
        }
        if (path.startsWith(".labels") && en.matches(".*[A-Za-z]{4,}.*[A-Za-z]{4,}.*") && en.equals(zh)) {
          untranslated.add(path);
        }
      }
      default -> {
        // numbers and booleans are settings, not text
      }
    }
  }

  private static TreeSet<String> placeholdersOf(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyShippedKeyHasAChineseText(String app) throws IOException {
    JsonObject english = read(SHIPPED.resolve(app).resolve("locales/en.json"));
    JsonObject chinese = read(OURS.resolve(app).resolve("locales/zh.json"));
    List<String> missing = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();

    compare("", english, chinese, missing, placeholders, untranslated);

    assertThat(missing).as("keys of Camunda's en.json missing from our zh.json").isEmpty();
    assertThat(placeholders).as("placeholders changed").isEmpty();
    assertThat(untranslated.size()).as("labels left in English: " + untranslated).isLessThan(english.getJsonObject("labels").size() / 20);
  }
}
