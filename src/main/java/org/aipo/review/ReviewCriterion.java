package org.aipo.review;

import org.aipo.common.DomainException;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A scoring criterion of a review request: code, name shown to experts, weight in points. */
@Embeddable
public class ReviewCriterion {

  @Column(name = "CODE", nullable = false, length = 32)
  private String code;

  @Column(name = "NAME", nullable = false, length = 200)
  private String name;

  @Column(name = "WEIGHT", nullable = false)
  private int weight;

  protected ReviewCriterion() {
    // for JPA
  }

  public ReviewCriterion(String code, String name, int weight) {
    if (code == null || !code.matches("[a-z][a-zA-Z0-9]{0,31}")) {
      throw DomainException.badInput("review.criterion-code", "criteria", "指标代码须为简短的 lowerCamel 单词，而不是 " + code, "criteria: code must be a short lowerCamel word, not " + code);
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw DomainException.badInput("review.criterion-name", "criteria", "指标 " + code + " 的名称为必填项（最多 200 字）", "criteria: name of " + code + " is required (at most 200 characters)");
    }
    if (weight < 1 || weight > 100) {
      throw DomainException.badInput("review.criterion-weight", "criteria", "指标 " + code + " 的权重须在 1 至 100 之间", "criteria: weight of " + code + " must be between 1 and 100");
    }
    this.code = code;
    this.name = name;
    this.weight = weight;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public int getWeight() {
    return weight;
  }

  ScoreAggregation.Criterion toCriterion() {
    return new ScoreAggregation.Criterion(code, weight);
  }
}
