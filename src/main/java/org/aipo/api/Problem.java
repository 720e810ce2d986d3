package org.aipo.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of every error answer of /api (RFC 9457 {@code application/problem+json}), for the OpenAPI document;
 * {@link ApiErrors} writes it.
 */
@Schema(name = "Problem", description = "错误 Error (RFC 9457): switch on code, show messages.zh or messages.en")
public record Problem(
    @Schema(example = "urn:aipo:problem:text.required") String type,
    @Schema(example = "Bad Request") String title,
    @Schema(example = "400") int status,
    @Schema(description = "stable error code", example = "text.required") String code,
    @Schema(description = "the request body's field (JSON path), or null", example = "title", nullable = true) String field,
    @Schema(description = "English", example = "title is required") String detail,
    @Schema(description = "Chinese, then English", example = "title 为必填项 title is required") String message,
    @Schema(description = "zh and en", example = "{\"zh\":\"title 为必填项\",\"en\":\"title is required\"}") Map<String, String> messages,
    @Schema(description = "500 only: the id under which the error was logged", nullable = true) String correlationId) {

  /** The media type of error answers. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
