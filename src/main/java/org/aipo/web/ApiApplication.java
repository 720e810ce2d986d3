package org.aipo.web;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.aipo.applicant.ApplicantResource;
import org.aipo.expert.ExpertResource;
import org.aipo.review.ReviewResource;
import org.aipo.selection.AcceptanceResource;
import org.aipo.selection.CallResource;
import org.aipo.selection.FundingPoolResource;
import org.aipo.selection.NoticeResource;
import org.aipo.selection.OfficeProposalResource;

/**
 * Our own JSON API at /api (the applicant API and the secretariat's expert pool), beside Camunda's
 * /engine-rest. Its providers are registered here only, so that Camunda's REST API keeps its own
 * error format.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ApiAuthenticationFilter.class, ApiErrors.class, JsonObjectReader.class, AcceptanceResource.class, ApplicantResource.class, CallResource.class, FundingPoolResource.class, NoticeResource.class, OfficeProposalResource.class, SessionResource.class,
        ExpertResource.class, ReviewResource.class, org.aipo.scenario.ScenarioRoundResource.class,
        org.aipo.scenario.ScenarioListResource.class, org.aipo.scenario.ScenarioNoticeResource.class,
        org.aipo.scenario.ScenarioCatalogueResource.class, org.aipo.workflow.ModelAdminResource.class,
        org.aipo.workflow.MigrationAdminResource.class);
  }
}
