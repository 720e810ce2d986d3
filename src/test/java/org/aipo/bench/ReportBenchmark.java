package org.aipo.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.aipo.transparency.ReportDocument;
import org.aipo.transparency.ReportFonts;
import org.aipo.transparency.ReportPdf;

/**
 * How long the PDF side of issue 26's records takes for a call of N proposals (default 200): N evaluation
 * summaries shaped like {@code EvaluationReports}' (5 experts, 4 criteria, a comment per criterion), then the
 * dossier holding its tables (proposals, attachments, the draw of a 60-expert pool, invitations, declarations,
 * ranking, audit trail) and all N summaries. Rendering only: the records are made up in memory, so the
 * database reads of a real dossier are not in the figure. Part of {@code mvn -Pbench verify} (execution
 * {@code bench-reports}, before the servers' benchmark), or alone (see docs/benchmarks.md):
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.aipo.bench.ReportBenchmark 200}.
 * With {@code -Dbench.root=<project>} it writes its table into docs/benchmarks.md between its markers.
 */
public final class ReportBenchmark {

  private ReportBenchmark() {
  }

  /** The budget stated in docs/benchmarks.md (issue 26), on the 2-vCPU machine. */
  static final double DOSSIER_BUDGET_S = 20;
  static final double SUMMARIES_BUDGET_S = 90;

  static final String BEGIN = "<!-- report-bench:begin -->";
  static final String END = "<!-- report-bench:end -->";

  public static void main(String[] args) throws java.io.IOException {
    int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path font = new ReportFonts(ReportFonts.DEFAULT).require();
    OutputStream nowhere = OutputStream.nullOutputStream();
    // warm-up: class loading and the JIT, as a running server has them
    for (int i = 0; i < 5; i++) {
      ReportPdf.write(summary(i), font, nowhere);
    }
    long start = System.nanoTime();
    List<ReportDocument> summaries = new ArrayList<>();
    for (int i = 0; i < proposals; i++) {
      ReportDocument summary = summary(i);
      summaries.add(summary);
      ReportPdf.write(summary, font, nowhere);
    }
    long summariesDone = System.nanoTime();
    CountingStream counted = new CountingStream();
    ReportPdf.write(dossier(proposals, summaries), font, counted);
    long dossierDone = System.nanoTime();
    double summariesS = (summariesDone - start) / 1e9;
    double dossierS = (dossierDone - summariesDone) / 1e9;
    System.out.printf("reports: %d evaluation summaries in %.1f s (%.0f ms each); the dossier (%d KB) in %.1f s; together %.1f s%n",
        proposals, summariesS, summariesS * 1000 / proposals, counted.count / 1024, dossierS, summariesS + dossierS);
    String root = System.getProperty("bench.root");
    if (root != null) {
      double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      String table = String.format(java.util.Locale.ROOT, "| measured %s by `ReportBenchmark 200` (load average %.1f on %d CPUs) | wall clock | budget |%n"
          + "|---|---|---|%n"
          + "| %d evaluation summaries, one PDF each | %.1f s (%.0f ms each) | %.0f s %s |%n"
          + "| the dossier (%d KB, all %d summaries inside) | %.1f s | %.0f s %s |%n",
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES), load, Runtime.getRuntime().availableProcessors(),
          proposals, summariesS, summariesS * 1000 / proposals, SUMMARIES_BUDGET_S, summariesS <= SUMMARIES_BUDGET_S ? "met" : "**missed**",
          counted.count / 1024, proposals, dossierS, DOSSIER_BUDGET_S, dossierS <= DOSSIER_BUDGET_S ? "met" : "**missed**");
      java.nio.file.Path doc = java.nio.file.Path.of(root, "docs", "benchmarks.md");
      String text = java.nio.file.Files.readString(doc);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin < 0 || end < begin) {
        throw new IllegalStateException("docs/benchmarks.md has no " + BEGIN + " … " + END + " markers");
      }
      java.nio.file.Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
    }
  }

  static ReportDocument summary(int i) {
    ReportDocument report = new ReportDocument("示范项目评审意见汇总表 Evaluation summary report");
    report.paragraph("官方版（专家实名）Officials' and auditors' copy: experts named");
    report.field("申报指南 Call", "2026 年人工智能示范项目申报指南");
    report.field("申报编号 Proposal reference", "proposal-" + i);
    report.field("项目名称 Title", "面向制造业的质检大模型示范应用 " + i);
    report.field("申报单位 Applicant", "某某智能科技有限公司 " + i);
    report.field("汇总规则 Aggregation rule", "截尾平均：有效评分 5 份（不少于 5 份），去掉一个最高分和一个最低分后取算术平均。Trimmed mean: 5 scores, the highest and the lowest dropped.");
    report.heading("评分指标 Criteria");
    report.table(List.of("代码 Code", "指标 Criterion", "权重 Weight", "平均分 Mean"), List.of(List.of("c1", "创新性", "30", "24.4"),
        List.of("c2", "可行性", "25", "20.2"), List.of("c3", "应用价值", "25", "19.8"), List.of("c4", "团队与条件", "20", "15.0")));
    report.heading("专家评分 Scores by expert");
    List<List<String>> rows = new ArrayList<>();
    for (int e = 0; e < 5; e++) {
      rows.add(List.of("专家 " + (char) ('A' + e), String.valueOf(20 + e), "20", "19", "15", String.valueOf(74 + e) + ".00"));
    }
    report.table(List.of("专家 Expert", "c1 (30)", "c2 (25)", "c3 (25)", "c4 (20)", "总分 Total"), rows);
    report.heading("专家评语 Comments");
    for (int e = 0; e < 5; e++) {
      for (int c = 1; c <= 4; c++) {
        report.paragraph("专家 " + (char) ('A' + e) + " · 指标 c" + c + "：技术路线清晰，数据来源可靠，建议加强模型安全评估与场景验证。".repeat(3));
      }
    }
    report.heading("评审结论 Committee result");
    report.field("综合得分 Aggregated score", "79.40");
    report.field("委员会意见 Committee opinion", "综合得分 79.40（5 位专家，去掉一个最高分和一个最低分），建议通过。");
    return report;
  }

  static ReportDocument dossier(int proposals, List<ReportDocument> summaries) {
    ReportDocument d = new ReportDocument("评审档案 Award dossier：2026 年人工智能示范项目");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < proposals; i++) {
      rows.add(List.of("proposal-" + i, "面向制造业的质检大模型示范应用 " + i, "某某智能科技有限公司 " + i, "AWARDED", "2026-12-01 10:00", ""));
    }
    d.heading("二、申报与形式审查 Proposals and formal checks");
    d.table(List.of("编号 Id", "项目 Title", "申报单位 Applicant", "状态 Status", "提交 Submitted", "形式审查意见"), rows);
    List<List<String>> attachments = new ArrayList<>();
    for (int i = 0; i < proposals * 2; i++) {
      attachments.add(List.of("proposal-" + i / 2, "application", "申报书.pdf", "102400", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }
    d.table(List.of("申报 Proposal", "类别 Kind", "文件 File", "字节 Bytes", "SHA-256"), attachments);
    d.heading("三、专家评审 Reviews");
    d.field("专家库快照 Pool snapshot (JSON)", "[{\"expertId\":\"e\",\"organisation\":\"某大学\",\"fields\":[\"robotics\"],\"relationships\":[]}]".repeat(60));
    List<List<String>> candidates = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      candidates.add(List.of(String.valueOf(i + 1), "expert-" + i, "专家" + i, i < 5 ? "PANEL" : i < 8 ? "RESERVE" : "NOT_DRAWN", ""));
    }
    d.table(List.of("序 #", "专家编号 Expert id", "姓名 Name", "结果 Outcome", "回避理由"), candidates);
    List<List<String>> declarations = new ArrayList<>();
    for (int i = 0; i < proposals * 5; i++) {
      declarations.add(List.of(String.valueOf(i % 5 + 1), "proposal-" + i / 5, "专家" + i % 5, "SCORED", "无冲突 none"));
    }
    d.table(List.of("席位 Seat", "申报 Proposal", "专家 Expert", "状态 Status", "利益冲突声明"), declarations);
    List<List<String>> trail = new ArrayList<>();
    for (int i = 0; i < proposals * 12; i++) {
      trail.add(List.of("2026-12-01 10:00", "office", "proposal.submitted", "proposal-" + i / 12));
    }
    d.heading("七、审计记录 Audit trail");
    d.table(List.of("时间 When", "操作人 Actor", "操作 Action", "说明 Detail"), trail);
    d.heading("八、评审意见汇总表 Evaluation summaries");
    for (ReportDocument summary : summaries) {
      summary.blocks().forEach(d::append);
    }
    return d;
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
