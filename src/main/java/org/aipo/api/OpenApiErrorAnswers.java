package org.aipo.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error answers every operation of /api can give to the OpenAPI document, each as
 * {@code application/problem+json} with the {@link Problem} schema: 400 (a body or parameters that are wrong), 401 and
 * 403 (login and role), 404 (an id in the path that does not exist or is not the caller's), 409 (a change that
 * clashes with what is stored), 500 (with a correlation id) and 503 (database unavailable). Registered with
 * {@code mp.openapi.filter} in server.xml. What an operation declares itself is kept.
 */
public class OpenApiErrorAnswers implements OASFilter {

  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "400", "请求有误（字段见 field）Bad input: the field is named",
      "401", "需要登录 Login required",
      "403", "无权访问 Not allowed for this role",
      "404", "不存在或无权查看 Not found, or not yours to see",
      "409", "与当前状态冲突 Clashes with what is stored now",
      "413", "内容过大 Too large",
      "429", "同时上传过多，稍后重试（Retry-After）Too many uploads at once; retry after Retry-After seconds",
      "500", "内部错误（附编号）Internal error, with a correlation id",
      "503", "数据库暂不可用 Database unavailable");

  @Override
  public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      boolean hasId = path.getKey().contains("{");
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
        Operation operation = entry.getValue();
        boolean changes = entry.getKey() != PathItem.HttpMethod.GET;
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty())
            || hasId;
        if (operation.getResponses() == null) {
          operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (takesInput) {
          add(responses, "400");
        }
        add(responses, "401");
        add(responses, "403");
        if (hasId) {
          add(responses, "404");
        }
        if (changes) {
          add(responses, "409");
        }
        add(responses, "500");
        add(responses, "503");
      }
    }
  }

  private static void add(APIResponses responses, String status) {
    APIResponse existing = responses.getAPIResponse(status);
    if (existing != null && existing.getContent() != null) {
      return;
    }
    Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
    MediaType media = OASFactory.createMediaType().schema(problem);
    Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    APIResponse answer = existing == null ? OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)) : existing;
    responses.addAPIResponse(status, answer.content(content));
  }
}
