package org.aipo.proposal;

import java.math.BigDecimal;
import java.util.List;

import org.aipo.common.Markdown;

/** A proposal as officials and experts read it in a Tasklist form (markdown, the applicant's text escaped). */
public final class ProposalText {

  private ProposalText() {
  }

  /** Where a document is read: {@code /api/documents/{id}} (a task's form adds {@code ?task=} its id, see {@link DocumentLinks}). */
  public static String documentUrl(String attachmentId) {
    return "/api/documents/" + attachmentId;
  }

  /**
   * The proposal as experts read it: the scenarios, co-applicants and indicators, never the applicant's exclusions
   * (they name experts, issue 27).
   */
  public static String markdown(Proposal proposal, String organisation, List<Attachment> attachments,
      List<org.aipo.call.DocumentKind> kinds) {
    return markdown(proposal, organisation, attachments, kinds, false);
  }

  /** The proposal as officials read it in the formal check: with the exclusions the applicant asked for and why. */
  public static String officeMarkdown(Proposal proposal, String organisation, List<Attachment> attachments,
      List<org.aipo.call.DocumentKind> kinds) {
    return markdown(proposal, organisation, attachments, kinds, true);
  }

  private static String markdown(Proposal proposal, String organisation, List<Attachment> attachments,
      List<org.aipo.call.DocumentKind> kinds, boolean withExclusions) {
    Proposal.Content c = proposal.content();
    StringBuilder text = new StringBuilder();
    line(text, "申报单位 Applicant", organisation);
    // the documents first: a long proposal is cut to fit a task's variable, and the links must stay
    documents(text, attachments, kinds);
    // then what the draw and the ranking need, short and before the long texts
    particulars(text, proposal.particulars(), withExclusions);
    line(text, "领域 Field", c.field());
    line(text, "摘要 Summary", c.summary());
    line(text, "技术路线 Technical approach", c.technicalApproach());
    line(text, "所用模型及备案情况 Models and filing status", c.models());
    line(text, "数据来源 Data sources", c.dataSources());
    line(text, "预算（元）Budget (yuan)", amount(c.budget()));
    line(text, "自筹（元）Co-funding (yuan)", amount(c.coFunding()));
    line(text, "预期成果与指标 Expected outcomes", c.expectedOutcomes());
    line(text, "团队 Team", c.team());
    return text.toString();
  }

  /**
   * The documents by kind, each kind the call asks for marked present or missing, each file a link that opens
   * the PDF (a reviewer's copy watermarked) with the SHA-256 of the stored original.
   */
  public static void documents(StringBuilder text, List<Attachment> attachments, List<org.aipo.call.DocumentKind> kinds) {
    text.append("**申报材料 Documents**\n\n");
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (org.aipo.call.DocumentKind kind : kinds) {
      listed.add(kind.getKind());
      List<Attachment> ofKind = attachments.stream().filter(a -> a.getKind().equals(kind.getKind())).toList();
      String state = !ofKind.isEmpty() ? "✔ 已提交 present" : kind.isRequired() ? "✘ 缺少（必交）MISSING (required)" : "— 未提交 none (optional)";
      text.append("- ").append(kind.getLabel()).append(kind.isRequired() ? "（必交 required）" : "").append(": ").append(state).append("\n");
      ofKind.forEach(a -> file(text, a));
    }
    List<Attachment> others = attachments.stream().filter(a -> !listed.contains(a.getKind())).toList();
    if (!others.isEmpty()) {
      text.append("- ").append(org.aipo.call.DocumentKind.Code.labelOf("other")).append(": ✔ 已提交 present\n");
      others.forEach(a -> file(text, a));
    }
    text.append("\n");
  }

  private static void file(StringBuilder text, Attachment a) {
    text.append("    - [").append(Markdown.escape(a.getFileName())).append("](").append(documentUrl(a.getId())).append(") (")
        .append(Math.max(1, a.getSize() / 1024)).append(" KB) SHA-256 `").append(a.getSha256()).append("`\n");
  }

  static void particulars(StringBuilder text, Particulars p, boolean withExclusions) {
    list(text, "对应场景 Scenarios answered", p.scenarios().stream().map(Markdown::escape).toList());
    list(text, "合作申报单位 Co-applicants", p.coApplicants().stream()
        .map(c -> Markdown.escape(c.name()) + "（" + Markdown.escape(c.creditCode()) + "）").toList());
    list(text, "考核指标 Indicators (name: baseline → target unit)", p.indicators().stream()
        .map(i -> Markdown.escape(i.name()) + ": " + (i.baseline() == null ? "—" : i.baseline().toPlainString()) + " → "
            + i.target().toPlainString() + " " + Markdown.escape(i.unit())).toList());
    if (withExclusions) {
      list(text, "申请回避 Exclusions asked for (reason)", p.exclusions().stream()
          .map(e -> (e.wholeOrganisation() ? "单位 organisation " + Markdown.escape(e.organisation())
              : Markdown.escape(e.expertName()) + "（" + Markdown.escape(e.organisation()) + "）") + ": " + Markdown.escape(e.reason())).toList());
    }
  }

  private static void list(StringBuilder text, String label, List<String> items) {
    text.append("**").append(label).append("**: ");
    if (items.isEmpty()) {
      text.append("—\n\n");
      return;
    }
    text.append("\n\n");
    items.forEach(i -> text.append("- ").append(i).append("\n"));
    text.append("\n");
  }

  private static String amount(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append("**").append(label).append("**: ").append(value == null || value.isBlank() ? "—" : Markdown.escape(value)).append("\n\n");
  }
}
