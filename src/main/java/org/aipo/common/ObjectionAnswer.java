package org.aipo.common;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The programme office's recorded answer to a real-name objection: the text, who answered and when. */
@Embeddable
public class ObjectionAnswer {

  @Column(name = "ANSWER", length = 4000)
  private String text;

  @Column(name = "ANSWERED_BY", length = 64)
  private String answeredBy;

  @Column(name = "ANSWERED_AT")
  private Instant answeredAt;

  protected ObjectionAnswer() {
    // for JPA
  }

  /** The answer is required (it is given to the objector and kept for audit). */
  public ObjectionAnswer(String text, String answeredBy, Instant answeredAt) {
    this.text = Text.required(text, "answer", 4000);
    this.answeredBy = answeredBy;
    this.answeredAt = answeredAt;
  }

  public String getText() {
    return text;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
