package org.aipo.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.aipo.common.DomainException;
import org.junit.jupiter.api.Test;

/** The format parameter and the anonymous experts' letters. */
class ReportDownloadsTest {

  @Test
  void theFormatDefaultsToTheFirstAndAnythingElseIsA400NamingFormat() {
    assertThat(ReportDownloads.format(null, List.of("pdf", "html"))).isEqualTo("pdf");
    assertThat(ReportDownloads.format(" HTML ", List.of("pdf", "html"))).isEqualTo("html");
    assertThatThrownBy(() -> ReportDownloads.format("docx", List.of("pdf", "json"))).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind().status()).isEqualTo(400);
      assertThat(e.field()).isEqualTo("format");
      assertThat(e.getMessage()).contains("docx", "pdf, json");
    });
  }

  @Test
  void expertsAreLetteredAToZThenAaAb() {
    assertThat(EvaluationReports.letter(0)).isEqualTo("A");
    assertThat(EvaluationReports.letter(2)).isEqualTo("C");
    assertThat(EvaluationReports.letter(25)).isEqualTo("Z");
    assertThat(EvaluationReports.letter(26)).isEqualTo("AA");
    assertThat(EvaluationReports.letter(27)).isEqualTo("AB");
  }

  @Test
  void archiveNamesLoseDirectoriesAndControlCharacters() {
    assertThat(CallArchives.safe("../../etc/passwd")).isEqualTo(".._.._etc_passwd");
    assertThat(CallArchives.safe("申报书\u0000.pdf")).isEqualTo("申报书_.pdf");
    assertThat(CallArchives.safe(" ")).isEqualTo("file");
  }
}
