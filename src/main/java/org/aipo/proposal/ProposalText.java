package org.aipo.proposal;

import java.math.BigDecimal;
import java.util.List;

import org.aipo.common.Markdown;

/** A proposal as officials and experts read it in a Tasklist form (markdown, the applicant's text escaped). */
public final class ProposalText {

  private ProposalText() {
  }

  public static String markdown(Proposal proposal, String organisation, List<Attachment> attachments) {
    Proposal.Content c = proposal.content();
    StringBuilder text = new StringBuilder();
    line(text, "申报单位 Applicant", organisation);
    line(text, "领域 Field", c.field());
    line(text, "摘要 Summary", c.summary());
    line(text, "技术路线 Technical approach", c.technicalApproach());
    line(text, "所用模型及备案情况 Models and filing status", c.models());
    line(text, "数据来源 Data sources", c.dataSources());
    line(text, "预算（元）Budget (yuan)", amount(c.budget()));
    line(text, "自筹（元）Co-funding (yuan)", amount(c.coFunding()));
    line(text, "预期成果与指标 Expected outcomes", c.expectedOutcomes());
    line(text, "团队 Team", c.team());
    if (!attachments.isEmpty()) {
      text.append("**附件 Attachments**: ");
      attachments.forEach(a -> text.append(Markdown.escape(a.getFileName())).append(" (").append(a.getSize() / 1024).append(" KB); "));
      text.append("\n\n");
    }
    return text.toString();
  }

  private static String amount(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append("**").append(label).append("**: ").append(value == null || value.isBlank() ? "—" : Markdown.escape(value)).append("\n\n");
  }
}
