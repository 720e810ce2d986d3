package org.aipo.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An AI service as its firm and officials read it. */
@Schema(name = "AiService")
public record AiServiceView(String id, String organisationId, @Schema(example = "政务问答助手") String name, String purpose, long usersReached,
    boolean publicFacing, boolean publicOpinion, boolean mobilisation, List<String> fields, List<String> personalData, LocalDate startedOn,
    List<ModelView> models,
    @Schema(description = "备案路径 Filing route", enumeration = {"ALGORITHM_FILING", "ALGORITHM_THEN_LARGE_MODEL", "REGISTRATION", "NONE"}) String route,
    @Schema(description = "规则给出的理由 The rule's reason") String routeReason,
    @Schema(description = "风险等级 Risk tier", enumeration = {"HIGH", "MEDIUM", "LOW"}) String tier,
    @Schema(description = "理由与监管方式 Reason and supervision mode") String tierReason,
    @Schema(enumeration = {"REGISTERED", "IN_GUIDANCE", "FILED", "REFUSED", "WITHDRAWN"}) String status,
    @Schema(description = "备案号或登记编号 Filing or registration number") String filingNumber,
    @Schema(description = "未获备案的理由，或指导终止的说明 Why the filing was refused, or why guidance lapsed") String outcomeNote, String registeredBy,
    Instant registeredAt,
    Instant updatedAt) {

  /** A model the service uses. */
  @Schema(name = "AiServiceModel")
  public record ModelView(String modelName, String provider, boolean ownModel, String filingNumber) {
  }

  public static AiServiceView of(AiService s) {
    return new AiServiceView(s.getId(), s.getOrganisationId(), s.getName(), s.getPurpose(), s.getUsersReached(), s.isPublicFacing(), s.isPublicOpinion(),
        s.isMobilisation(), s.getFields(), s.getPersonalData(), s.getStartedOn(),
        s.getModels().stream().map(m -> new ModelView(m.getModelName(), m.getProvider(), m.isOwnModel(), m.getFilingNumber())).toList(),
        s.getRoute().name(), s.getRouteReason(), s.getTier().name(), s.getTierReason(), s.getStatus().name(), s.getFilingNumber(), s.getOutcomeNote(), s.getRegisteredBy(),
        s.getRegisteredAt(), s.getUpdatedAt());
  }
}
