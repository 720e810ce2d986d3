package org.aipo.call;

import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.aipo.common.DomainException;

/**
 * A kind of document a call asks for (申报书, 预算表, 资质证明, 其他): whether a proposal must have one to be
 * submitted, how large each file may be and how many of the kind a proposal may carry. Every file is a PDF.
 */
@Embeddable
public class DocumentKind {

  /** The kinds a call may name, by code, with their names in Chinese and English. */
  public enum Code {
    APPLICATION("application", "申报书 Application document"),
    BUDGET("budget", "预算表 Budget sheet"),
    QUALIFICATION("qualification", "资质证明 Qualifications"),
    OTHER("other", "其他 Other");

    private final String code;
    private final String label;

    Code(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    public static Code of(String code, String field) {
      for (Code kind : values()) {
        if (kind.code.equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw DomainException.badInput("document.kind-unknown", field, "材料类型须为 application（申报书）、budget（预算表）、qualification（资质证明）或 other（其他），而不是 '"
          + code + "'", field + ": the kind must be application, budget, qualification or other, not '" + code + "'");
    }

    /** The name of a stored code (the code itself when it is none of ours). */
    public static String labelOf(String code) {
      for (Code kind : values()) {
        if (kind.code.equals(code)) {
          return kind.label;
        }
      }
      return code;
    }
  }

  /** The ceiling of any kind's file size: the largest body the upload reads. */
  public static final int MAX_MEGABYTES = 10;

  /** What a call asks for unless the office says otherwise. */
  public static final List<DocumentKind> DEFAULTS = List.of(
      new DocumentKind(Code.APPLICATION, true, 10, 1),
      new DocumentKind(Code.BUDGET, true, 5, 1),
      new DocumentKind(Code.QUALIFICATION, false, 5, 10),
      new DocumentKind(Code.OTHER, false, 10, 5));

  @Column(name = "KIND", nullable = false, length = 32)
  private String kind;

  @Column(name = "REQUIRED", nullable = false)
  private boolean required;

  @Column(name = "MAX_MEGABYTES", nullable = false)
  private int maxMegabytes;

  @Column(name = "MAX_COUNT", nullable = false)
  private int maxCount;

  protected DocumentKind() {
    // for JPA
  }

  public DocumentKind(Code kind, boolean required, int maxMegabytes, int maxCount) {
    if (maxMegabytes < 1 || maxMegabytes > MAX_MEGABYTES) {
      throw DomainException.badInput("call.document-size", "documentKinds", kind.code() + " 的单个文件上限须在 1 到 " + MAX_MEGABYTES + " MB 之间",
          "documentKinds: maxMegabytes of " + kind.code() + " must be between 1 and " + MAX_MEGABYTES);
    }
    if (maxCount < 1 || maxCount > 20) {
      throw DomainException.badInput("call.document-count", "documentKinds", kind.code() + " 的文件数上限须在 1 到 20 之间",
          "documentKinds: maxCount of " + kind.code() + " must be between 1 and 20");
    }
    this.kind = kind.code();
    this.required = required;
    this.maxMegabytes = maxMegabytes;
    this.maxCount = maxCount;
  }

  public String getKind() {
    return kind;
  }

  public String getLabel() {
    return Code.labelOf(kind);
  }

  public boolean isRequired() {
    return required;
  }

  public int getMaxMegabytes() {
    return maxMegabytes;
  }

  public long getMaxBytes() {
    return maxMegabytes * 1024L * 1024L;
  }

  public int getMaxCount() {
    return maxCount;
  }
}
