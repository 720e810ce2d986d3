package org.aipo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The listed migrations ({@link DomainSchema#MIGRATIONS}) are exactly the files, the same for both databases. */
class DomainSchemaTest {

  static List<String> files(String vendor) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyMigrationFileIsListedForBothDatabases() throws IOException {
    assertThat(files("h2")).as("db/migration/h2 holds exactly the listed migrations").containsExactlyInAnyOrderElementsOf(DomainSchema.MIGRATIONS);
    assertThat(files("postgresql")).as("db/migration/postgresql holds exactly the listed migrations")
        .containsExactlyInAnyOrderElementsOf(DomainSchema.MIGRATIONS);
  }

  @Test
  void theListIsInVersionOrder() {
    List<Integer> versions = DomainSchema.MIGRATIONS.stream().map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).toList();
    assertThat(versions).isSorted().doesNotHaveDuplicates();
    assertThat(versions.get(0)).isEqualTo(Integer.parseInt(DomainSchema.BASELINE));
  }
}
