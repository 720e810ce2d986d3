package org.aipo.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.api.ApiResource;
import org.aipo.api.ApiUser;
import org.aipo.api.PdfDownload;
import org.aipo.audit.AuditLog;
import org.aipo.common.DomainException;
import org.aipo.console.ConsoleViews.BulkItem;
import org.aipo.console.ConsoleViews.BulkRequest;
import org.aipo.console.ConsoleViews.BulkResult;
import org.aipo.console.ConsoleViews.CallOverview;
import org.aipo.platform.WorkflowEngine;
import org.camunda.bpm.engine.task.Task;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officials' console (issue 28): a call at a glance, bulk decisions, and the spreadsheets offices live on.
 * Officials read (and the auditor reads); only officials act, and only on tasks of their own groups. No transaction
 * around a bulk request: each task is done in one of its own by {@link BulkTasks#act}.
 */
@RequestScoped
@Path("console")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"programme-office", "leadership", "committee-secretariat", "auditor", "camunda-admin"})
@Tag(name = "console", description = "项目办工作台 Officials' console")
public class ConsoleResource implements ApiResource {

  private static final Logger LOG = Logger.getLogger(ConsoleResource.class.getName());

  static final int MAX_TASKS = 500;

  @Inject
  BulkTasks bulkTasks;

  @Inject
  CallOverviews overviews;

  @Inject
  ExpertWorkloads workloads;

  @Inject
  VoucherLedgers ledgers;

  @Inject
  RoundOverviews roundOverviews;

  @Inject
  WorkflowEngine workflowEngine;

  @Inject
  AuditLog auditLog;

  @Context
  HttpServletRequest http;

  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"programme-office", "leadership", "committee-secretariat", "camunda-admin"})
  @Operation(summary = "批量办理任务 Act on many tasks at once",
      description = "每件任务各自办理、各自一个事务、各自一条审计记录；回答逐件列出成功或失败及原因（已被他人认领、已办理、不属本组、资金池不足）。"
          + "只办理您所在组的任务；需要逐件判断的（评分、领导审批）不能批量。Each task on its own, in its own transaction, with its own "
          + "audit record; the answer lists per task whether it succeeded and why not (taken, already done, not your group's, pool exhausted). "
          + "Only tasks of the caller's groups; nothing that needs an individual judgement (scores, leadership approvals).")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BulkRequest.class),
      examples = @ExampleObject(name = "formal checks", value = "{\"kind\":\"formal-check-eligible\",\"taskIds\":[\"3f0c2a9e-0000-0000-0000-000000000001\"],"
          + "\"comment\":\"材料齐全，符合申报条件\"}")))
  @APIResponse(responseCode = "200", description = "逐件结果 The result per task", content = @Content(schema = @Schema(implementation = BulkResult.class)))
  public BulkResult bulk(@Valid @NotNull BulkRequest body) {
    BulkKind kind = BulkKind.parse(body.kind());
    ApiUser user = ApiUser.of(http);
    if (kind == BulkKind.ASSIGN && !user.groups().contains(BulkTasks.OFFICE_HEAD)) {
      throw DomainException.forbidden("console.not-office-head", "只有项目办负责人（系统管理员）可以改派任务", "only the office head (the administrator) reassigns tasks");
    }
    if (kind == BulkKind.ASSIGN && (body.assignee() == null || body.assignee().isBlank())) {
      throw DomainException.badInput("field.required", "assignee", "改派须指定 assignee", "assignee is required to reassign");
    }
    String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().trim();
    List<BulkItem> items = new ArrayList<>();
    for (String taskId : new LinkedHashSet<>(body.taskIds())) {
      items.add(one(taskId, kind, comment, body.assignee(), user));
    }
    int succeeded = (int) items.stream().filter(BulkItem::succeeded).count();
    return new BulkResult(kind.code(), succeeded, items.size() - succeeded, items);
  }

  private BulkItem one(String taskId, BulkKind kind, String comment, String assignee, ApiUser user) {
    try {
      bulkTasks.act(taskId, kind, comment, assignee, user);
      return new BulkItem(taskId, true, "ok", "已办理", "done");
    } catch (RuntimeException e) {
      DomainException refusal = domainCause(e);
      // the task may have been done meanwhile by someone else (a lost race shows as an engine or commit failure)
      Task now = workflowEngine.processEngine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (now == null && kind != BulkKind.ASSIGN || now == null && refusal == null) {
        refusal = BulkTasks.alreadyDone(taskId);
      } else if (refusal == null && now.getAssignee() != null && !now.getAssignee().equals(user.userId())) {
        refusal = BulkTasks.taken(taskId, now.getAssignee());
      }
      if (refusal == null) {
        LOG.log(Level.WARNING, "bulk " + kind.code() + " of task " + taskId + " failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new BulkItem(taskId, false, "console.task-failed", "办理失败：" + message, "failed: " + message);
      }
      return new BulkItem(taskId, false, refusal.code(), refusal.zh(), refusal.en());
    }
  }

  /** The domain refusal that made the task fail, wherever in the causes (the engine and the transaction wrap it). */
  static DomainException domainCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DomainException refusal) {
        return refusal;
      }
    }
    return null;
  }

  @GET
  @Path("calls/{id}/proposals")
  @Operation(summary = "指南申报一览 A call's proposals at a glance",
      description = "状态、领域、形式审查结论、得分与排名、待办任务及其在任务列表中的链接；可筛选、排序。"
          + "Status, field, formal-check result, score and rank, the open task with its Tasklist link; filter and sort.")
  @APIResponse(responseCode = "200", description = "一览 The overview", content = @Content(schema = @Schema(implementation = CallOverview.class)))
  public CallOverview proposals(@PathParam("id") String id,
      @Parameter(description = "状态 Status, e.g. SUBMITTED") @QueryParam("status") String status,
      @Parameter(description = "领域 Field") @QueryParam("field") String field,
      @Parameter(description = "形式审查 PENDING, ELIGIBLE, CORRECTION, INELIGIBLE") @QueryParam("formalCheck") String formalCheck,
      @Parameter(description = "有无待办任务 With (true) or without (false) an open task") @QueryParam("openTask") Boolean openTask,
      @Parameter(description = "标题、单位或编号包含 Title, applicant or id contains") @QueryParam("q") String q,
      @Parameter(description = "rank, score, title, organisation, status, field, submittedAt") @QueryParam("sort") String sort,
      @Parameter(description = "asc 或 desc") @QueryParam("order") String order) {
    return overviews.overview(id, new CallOverviews.Filter(status, field, formalCheck, openTask, q, sort, order));
  }

  @GET
  @Path("calls/{id}/proposals/export")
  @Produces({Sheet.XLSX_TYPE, Sheet.CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "导出申报一览（xlsx 或 csv） Export a call's proposals (xlsx or CSV)",
      description = "与一览相同的筛选与排序；中文表头。The same filter and sort as the overview; Chinese headers.")
  @APIResponse(responseCode = "200", description = "表格 The spreadsheet",
      content = @Content(mediaType = Sheet.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response exportProposals(@PathParam("id") String id,
      @Parameter(description = "xlsx（默认）或 csv") @QueryParam("format") String format,
      @QueryParam("status") String status, @QueryParam("field") String field, @QueryParam("formalCheck") String formalCheck,
      @QueryParam("openTask") Boolean openTask, @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("order") String order) {
    Sheet.Format as = Sheet.Format.parse(format);
    Sheet sheet = overviews.proposalSheet(id, new CallOverviews.Filter(status, field, formalCheck, openTask, q, sort, order));
    return download(sheet, as, "proposals-" + id, "call", id);
  }

  @GET
  @Path("calls/{id}/ranking/export")
  @Produces({Sheet.XLSX_TYPE, Sheet.CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "导出排名及各项得分（xlsx 或 csv） Export the ranking with the scores per criterion (xlsx or CSV)")
  @APIResponse(responseCode = "200", description = "表格 The spreadsheet",
      content = @Content(mediaType = Sheet.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response exportRanking(@PathParam("id") String id, @Parameter(description = "xlsx（默认）或 csv") @QueryParam("format") String format) {
    Sheet.Format as = Sheet.Format.parse(format);
    return download(overviews.rankingSheet(id), as, "ranking-" + id, "call", id);
  }

  @GET
  @Path("expert-workload/export")
  @Produces({Sheet.XLSX_TYPE, Sheet.CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "导出专家工作量（按评审组，xlsx 或 csv） Export the experts' workload per review group (xlsx or CSV)")
  @APIResponse(responseCode = "200", description = "表格 The spreadsheet",
      content = @Content(mediaType = Sheet.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response exportExpertWorkload(@Parameter(description = "xlsx（默认）或 csv") @QueryParam("format") String format) {
    Sheet.Format as = Sheet.Format.parse(format);
    return download(workloads.sheet(), as, "expert-workload", "expert", "pool");
  }

  @GET
  @Path("voucher-rounds/{id}/ledger/export")
  @Produces({Sheet.XLSX_TYPE, Sheet.CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "导出算力券批次台账（xlsx 或 csv） Export a voucher round's ledger (xlsx or CSV)",
      description = "每笔记账及其后的余额，与批次的台账相同。Every entry with the balance after it, as the round's ledger shows.")
  @APIResponse(responseCode = "200", description = "表格 The spreadsheet",
      content = @Content(mediaType = Sheet.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response exportVoucherLedger(@PathParam("id") String id, @Parameter(description = "xlsx（默认）或 csv") @QueryParam("format") String format) {
    Sheet.Format as = Sheet.Format.parse(format);
    return download(ledgers.sheet(id), as, "voucher-ledger-" + id, "voucher-round", id);
  }

  @GET
  @Path("rounds")
  @Operation(summary = "可查看的场景征集轮次、算力券批次与抽查活动 The scenario rounds, voucher rounds and spot-check campaigns to choose from",
      description = "每类最近 50 个，最新在前。The latest 50 of each kind, newest first.")
  @APIResponse(responseCode = "200", description = "轮次与活动 The rounds and campaigns", content = @Content(schema = @Schema(implementation = RoundViews.Rounds.class)))
  public RoundViews.Rounds rounds() {
    return roundOverviews.rounds();
  }

  @GET
  @Path("scenario-rounds/{id}/items")
  @Operation(summary = "场景征集轮次一览 A scenario round's nominations at a glance",
      description = "每个提名场景：标题、推荐单位、状态（已提名、已合并、不予收录、已列入）、风险等级，以及轮次待办任务及其在任务列表中的链接；可筛选、排序。"
          + "Every nominated scenario: title, nominating unit, status, risk tier, and the round's open task with its Tasklist link; filter and sort.")
  @APIResponse(responseCode = "200", description = "一览 The overview", content = @Content(schema = @Schema(implementation = RoundViews.ScenarioRoundOverview.class)))
  public RoundViews.ScenarioRoundOverview scenarioItems(@PathParam("id") String id,
      @Parameter(description = "状态 NOMINATED, MERGED, REJECTED, LISTED") @QueryParam("status") String status,
      @Parameter(description = "标题、编号、推荐单位或需求方包含 Title, label, unit or demand owner contains") @QueryParam("q") String q,
      @Parameter(description = "number, title, status, field, riskTier, unit, nominatedAt") @QueryParam("sort") String sort,
      @Parameter(description = "asc 或 desc") @QueryParam("order") String order) {
    return roundOverviews.scenarioRound(id, new RoundOverviews.Filter(status, q, sort, order));
  }

  @GET
  @Path("voucher-rounds/{id}/applications")
  @Operation(summary = "算力券批次申请一览 A voucher round's applications at a glance",
      description = "每件申请：企业、申请与核准金额、状态、台账数字（预留、兑付、退回），以及待办任务及其在任务列表中的链接；可筛选、排序。"
          + "Every application: firm, amount asked and approved, status, ledger figures (reserved, paid, returned), the open task with its Tasklist link; "
          + "filter and sort.")
  @APIResponse(responseCode = "200", description = "一览 The overview", content = @Content(schema = @Schema(implementation = RoundViews.VoucherRoundOverview.class)))
  public RoundViews.VoucherRoundOverview voucherApplications(@PathParam("id") String id,
      @Parameter(description = "状态 APPLIED, REFUSED, ISSUED, REDEMPTION_SUBMITTED, REDEEMED, LAPSED") @QueryParam("status") String status,
      @Parameter(description = "企业、券号或算力服务商包含 Firm, voucher number or supplier contains") @QueryParam("q") String q,
      @Parameter(description = "appliedAt, firm, amountAsked, amountApproved, status, number") @QueryParam("sort") String sort,
      @Parameter(description = "asc 或 desc") @QueryParam("order") String order) {
    return roundOverviews.voucherRound(id, new RoundOverviews.Filter(status, q, sort, order));
  }

  @GET
  @Path("spot-check-campaigns/{id}/inspections")
  @Operation(summary = "抽查活动检查一览 A spot-check campaign's inspections at a glance",
      description = "每项抽中的检查：服务、企业、检查人员、状态、检查结论与发现的问题，以及待办任务及其在任务列表中的链接；可筛选、排序。"
          + "Every drawn inspection: service, firm, inspectors, status, result and findings, the open task with its Tasklist link; filter and sort.")
  @APIResponse(responseCode = "200", description = "一览 The overview", content = @Content(schema = @Schema(implementation = RoundViews.CampaignOverview.class)))
  public RoundViews.CampaignOverview campaignInspections(@PathParam("id") String id,
      @Parameter(description = "状态 DRAWN, RECTIFYING, FOLLOW_UP, CLOSED") @QueryParam("status") String status,
      @Parameter(description = "服务、企业、问题或检查人员包含 Service, firm, findings or inspector contains") @QueryParam("q") String q,
      @Parameter(description = "tier, service, firm, status, result, inspectedAt") @QueryParam("sort") String sort,
      @Parameter(description = "asc 或 desc") @QueryParam("order") String order) {
    return roundOverviews.campaign(id, new RoundOverviews.Filter(status, q, sort, order));
  }

  @GET
  @Path("spot-check-campaigns/{id}/results/export")
  @Produces({Sheet.XLSX_TYPE, Sheet.CSV_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "导出抽查活动结果（xlsx 或 csv） Export a spot-check campaign's results (xlsx or CSV)",
      description = "与一览相同的筛选与排序；中文表头。The same filter and sort as the overview; Chinese headers.")
  @APIResponse(responseCode = "200", description = "表格 The spreadsheet",
      content = @Content(mediaType = Sheet.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response exportCampaignResults(@PathParam("id") String id,
      @Parameter(description = "xlsx（默认）或 csv") @QueryParam("format") String format,
      @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("sort") String sort, @QueryParam("order") String order) {
    Sheet.Format as = Sheet.Format.parse(format);
    Sheet sheet = roundOverviews.campaignSheet(id, new RoundOverviews.Filter(status, q, sort, order));
    return download(sheet, as, "spot-check-results-" + id, "spot-check-campaign", id);
  }

  private Response download(Sheet sheet, Sheet.Format format, String stem, String subjectType, String subjectId) {
    byte[] bytes = sheet.write(format);
    String name = stem + "-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "." + format.extension();
    auditLog.record(ApiUser.of(http).userId(), "console.exported", subjectType, subjectId, name + " (" + sheet.rows().size() + " rows)");
    return Response.ok(bytes, format.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, PdfDownload.contentDisposition(name).replace("inline", "attachment"))
        .header(HttpHeaders.CONTENT_LENGTH, bytes.length)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
  }
}
