package org.aipo.expert;

import jakarta.annotation.security.RolesAllowed;

import org.aipo.api.ApiResource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aipo.expert.PoolMember.Relationship.Kind;
import org.aipo.api.ApiUser;
import org.aipo.common.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The expert pool for the committee secretariat and administrators: list, add one, import a CSV file
 * (all rows or none, with every problem reported by row and column).
 */
@RequestScoped
@Path("experts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"committee-secretariat", "camunda-admin"})
@Tag(name = "experts", description = "专家库 Expert pool")
public class ExpertResource implements ApiResource {

  /** A declared relationship that may call for avoidance. */
  @Schema(name = "ExpertRelationship")
  public record RelationshipBody(@NotBlank @Size(max = 200) String organisation,
      @NotBlank @Schema(enumeration = {"RECENT_COLLABORATOR", "RELATIVE", "RELATED_COMPANY"}) String kind) {
  }

  /** A new expert. */
  @Schema(name = "ExpertRequest")
  public record ExpertRequest(@NotBlank @Size(max = 64) @Schema(example = "wang-li") String userId,
      @NotBlank @Size(max = 100) @Schema(example = "王丽") String name,
      @NotBlank @Size(max = 200) @Schema(example = "浙江大学") String organisation,
      @NotEmpty List<@NotBlank String> fields, List<@Valid @NotNull RelationshipBody> relationships) {
  }

  /** An expert of the pool. */
  @Schema(name = "Expert")
  public record ExpertView(String id, String userId, String name, String organisation, List<String> fields,
      List<RelationshipBody> relationships, boolean active) {
  }

  /** How many experts a CSV file added. */
  @Schema(name = "ExpertsImported")
  public record Imported(int imported, @Schema(description = "试导入：行数已检查，未存储 A dry run: the rows were checked, nothing stored") boolean dryRun,
      @Schema(description = "文件中的专家行数 The file's expert rows") int rows) {

    public Imported(int imported) {
      this(imported, false, imported);
    }
  }

  /** A problem of a CSV file, by row and column (column null: the whole row). */
  @Schema(name = "ExpertCsvError")
  public record RowErrorView(int row, String column, String message, @Schema(description = "中文 The problem in Chinese") String zh) {

    static RowErrorView of(ExpertCsv.RowError e) {
      return new RowErrorView(e.row(), e.column(), e.message(), ExpertXlsx.zh(e.message()));
    }
  }

  /** The answer to a CSV file with problems: nothing was imported. */
  @Schema(name = "ExpertCsvProblems")
  public record CsvProblems(String type, String title, int status, String code, String field, String detail, String message,
      java.util.Map<String, String> messages, List<RowErrorView> errors) {

    /** A problem+json answer (RFC 9457) with every row's problem as the extension {@code errors}. */
    static CsvProblems of(List<RowErrorView> errors) {
      String zh = "文件有 " + errors.size() + " 处错误，未导入任何专家";
      String en = "the file has " + errors.size() + " problem(s); nothing was imported";
      return new CsvProblems("urn:aipo:problem:expert.csv-invalid", "Bad Request", 400, "expert.csv-invalid", "file", en, zh + " " + en,
          java.util.Map.of("zh", zh, "en", en), errors);
    }
  }

  static final int MAX_CSV_CHARS = 2_000_000;

  @Inject
  ExpertPool pool;

  @Context
  HttpServletRequest request;

  private String actor() {
    return ApiUser.of(request).userId();
  }

  @GET
  @RolesAllowed({"committee-secretariat", "auditor", "camunda-admin"})
  @Operation(summary = "专家库列表 List the expert pool")
  @APIResponse(responseCode = "200", description = "全部专家 Every expert",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExpertView.class)))
  public List<ExpertView> list() {
    return pool.all().stream().map(ExpertResource::view).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "添加专家 Add an expert")
  @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequest.class),
      examples = @ExampleObject(name = "expert", value = "{\"userId\":\"wang-li\",\"name\":\"王丽\",\"organisation\":\"浙江大学\","
          + "\"fields\":[\"ai-healthcare\"],\"relationships\":[{\"organisation\":\"某科技公司\",\"kind\":\"RELATED_COMPANY\"}]}")))
  @APIResponse(responseCode = "201", description = "已添加 Added", content = @Content(schema = @Schema(implementation = ExpertView.class)))
  public Response add(@Valid @NotNull ExpertRequest body) {
    Set<String> fields = new LinkedHashSet<>(body.fields());
    Expert expert = new Expert(body.userId(), body.name(), body.organisation(), fields);
    if (body.relationships() != null) {
      for (int i = 0; i < body.relationships().size(); i++) {
        RelationshipBody relationship = body.relationships().get(i);
        Kind kind;
        try {
          kind = Kind.valueOf(relationship.kind());
        } catch (IllegalArgumentException e) {
          throw DomainException.badInput("expert.relationship-kind", "relationships[" + i + "].kind",
              "关系类型须为 RECENT_COLLABORATOR、RELATIVE 或 RELATED_COMPANY，而不是 " + relationship.kind(),
              "relationships: kind must be RECENT_COLLABORATOR, RELATIVE or RELATED_COMPANY, not " + relationship.kind());
        }
        expert.declare(new DeclaredRelationship(relationship.organisation(), kind));
      }
    }
    Expert added = pool.add(expert, actor());
    return Response.status(Response.Status.CREATED).entity(view(added)).build();
  }

  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(summary = "导入专家 CSV Import experts from CSV (all rows or none)")
  @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
      description = "userId,name,organisation,fields,relationships"),
      examples = @ExampleObject(name = "csv", value = "userId,name,organisation,fields,relationships\nwang-li,王丽,浙江大学,ai-healthcare,\n")))
  @APIResponse(responseCode = "200", description = "已导入 Imported", content = @Content(schema = @Schema(implementation = Imported.class)))
  @APIResponse(responseCode = "400", description = "文件有错误，未导入 The file has problems; nothing was imported",
      content = @Content(mediaType = org.aipo.api.Problem.MEDIA_TYPE, schema = @Schema(implementation = CsvProblems.class)))
  public Response importCsv(String content,
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "试导入：只检查，列出每行问题，不存储 Check only: list every row's problem, store nothing")
      @jakarta.ws.rs.QueryParam("dryRun") Boolean dryRun) {
    if (content == null || content.isBlank()) {
      throw DomainException.badInput("expert.csv-empty", "file", "CSV 文件为空", "file: the CSV file is empty");
    }
    if (content.length() > MAX_CSV_CHARS) {
      throw DomainException.tooLarge("expert.csv-too-large", "file", "文件超过 " + MAX_CSV_CHARS + " 个字符",
          "file: larger than " + MAX_CSV_CHARS + " characters");
    }
    return checkedImport(ExpertCsv.read(content), Boolean.TRUE.equals(dryRun));
  }

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @POST
  @Path("import/xlsx")
  @Consumes(XLSX)
  @Operation(summary = "导入专家 Excel（.xlsx） Import experts from a spreadsheet (.xlsx; all rows or none)",
      description = "第一个工作表，列同 CSV：userId, name, organisation, fields, relationships；dryRun=true 时只检查并列出每行问题（行号即表格行号）。"
          + "The first sheet, the CSV's columns; with dryRun=true only checked, every row's problem listed (row numbers are the sheet's).")
  @RequestBody(required = true, content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
      description = "userId | name | organisation | fields | relationships"),
      examples = @ExampleObject(name = "xlsx", value = "(.xlsx: userId | name | organisation | fields | relationships)")))
  @APIResponse(responseCode = "200", description = "已导入（或试导入通过） Imported (or the dry run found no problem)",
      content = @Content(schema = @Schema(implementation = Imported.class)))
  @APIResponse(responseCode = "400", description = "文件有错误，未导入 The file has problems; nothing was imported",
      content = @Content(mediaType = org.aipo.api.Problem.MEDIA_TYPE, schema = @Schema(implementation = CsvProblems.class)))
  public Response importXlsx(byte[] content,
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "试导入：只检查，列出每行问题，不存储 Check only: list every row's problem, store nothing")
      @jakarta.ws.rs.QueryParam("dryRun") Boolean dryRun) {
    if (content == null || content.length == 0) {
      throw DomainException.badInput("expert.csv-empty", "file", "文件为空", "file: the file is empty");
    }
    if (content.length > MAX_CSV_CHARS) {
      throw DomainException.tooLarge("expert.csv-too-large", "file", "文件超过 " + MAX_CSV_CHARS + " 字节", "file: larger than " + MAX_CSV_CHARS + " bytes");
    }
    return checkedImport(ExpertCsv.read(ExpertXlsx.toCsv(content)), Boolean.TRUE.equals(dryRun));
  }

  /** Every row checked first; nothing stored when any row is bad, nor on a dry run (which also names experts already in the pool). */
  private Response checkedImport(ExpertCsv.Result csv, boolean dryRun) {
    List<ExpertCsv.RowError> problems = new java.util.ArrayList<>(csv.errors());
    if (dryRun && csv.ok()) {
      problems.addAll(pool.alreadyInPool(csv));
    }
    if (!problems.isEmpty()) {
      List<RowErrorView> errors = problems.stream().map(RowErrorView::of).toList();
      return Response.status(Response.Status.BAD_REQUEST).type(org.aipo.api.ApiErrors.PROBLEM_JSON).entity(CsvProblems.of(errors)).build();
    }
    if (dryRun) {
      return Response.ok(new Imported(0, true, csv.experts().size())).build();
    }
    int imported = pool.importAll(csv, actor());
    return Response.ok(new Imported(imported)).build();
  }

  static ExpertView view(Expert expert) {
    return new ExpertView(expert.getId(), expert.getUserId(), expert.getName(), expert.getOrganisation(), List.copyOf(expert.getFields()),
        expert.getRelationships().stream().map(r -> new RelationshipBody(r.getOrganisation(), r.getKind().name())).toList(), expert.isActive());
  }
}
