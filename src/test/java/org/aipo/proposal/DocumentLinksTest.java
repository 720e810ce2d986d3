package org.aipo.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentLinksTest {

  @Test
  void everyDocumentLinkNamesTheTaskAndNothingElseChanges() {
    String text = "- [申报书\\.pdf](/api/documents/0f8fad5b-d9cb-469f-a165-70867728950e) (12 KB)\n"
        + "- [b](/api/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7) and (/api/documents/not-a-link)";
    assertThat(DocumentLinks.forTask(text, "task-1")).isEqualTo(
        "- [申报书\\.pdf](/api/documents/0f8fad5b-d9cb-469f-a165-70867728950e?task=task-1) (12 KB)\n"
            + "- [b](/api/documents/7c9e6679-7425-40de-944b-e07fc1f90ae7?task=task-1) and (/api/documents/not-a-link)");
  }

  @Test
  void theTicksOfTheFormalCheckNameTheDocuments() {
    assertThat(FormalCheckListener.documentsToCorrect("[\"budget\",\"application\"]")).isEqualTo("预算表 Budget sheet、申报书 Application document");
    assertThat(FormalCheckListener.documentsToCorrect(java.util.List.of("other"))).isEqualTo("其他 Other");
    assertThat(FormalCheckListener.documentsToCorrect("[]")).isNull();
    assertThat(FormalCheckListener.documentsToCorrect(null)).isNull();
  }
}
