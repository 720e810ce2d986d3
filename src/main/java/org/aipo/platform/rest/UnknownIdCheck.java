package org.aipo.platform.rest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * A request to /engine-rest that names by path a task, process instance, execution, job, user, group,
 * tenant or metric that does not exist is answered 404 before Camunda runs it. Camunda itself treats
 * several of these as success or as a server fault: deleting an unknown user, group, tenant or task and
 * unlocking an unknown user answer 204 (the OpenAPI documents 404, or 400 for the task); modifying an
 * unknown process instance without instructions answers 204; setting the due date of an unknown job or
 * triggering a message of an unknown execution answers 500; the sum of a metric that does not exist is 0.
 *
 * <p>The lookup ignores authorizations, so that a caller who may not see an existing object still gets
 * Camunda's own 403, and one that does not exist is 404 for everybody (Camunda's own messages say as much).
 * The segment after the resource is an id unless it is one of the resource's fixed paths (count, create, ...).
 */
public class UnknownIdCheck implements ContainerRequestFilter {

  /** The fixed paths beside {id} of each resource checked, as in Camunda's OpenAPI document of 7.24. */
  private static final Map<String, Set<String>> FIXED = Map.of(
      "task", Set.of("count", "create", "report"),
      "process-instance", Set.of("count", "delete", "delete-historic-query-based", "job-retries",
          "job-retries-historic-query-based", "message-async", "suspended", "suspended-async", "variables-async"),
      "execution", Set.of("count"),
      "job", Set.of("count", "retries", "suspended"),
      "user", Set.of("count", "create"),
      "group", Set.of("count", "create"),
      "tenant", Set.of("count", "create"),
      "metrics", Set.of("task-worker"));

  private static final Map<String, BiPredicate<CommandContext, String>> EXISTS = Map.of(
      "task", (context, id) -> context.getTaskManager().findTaskById(id) != null,
      "process-instance", (context, id) -> {
        ExecutionEntity execution = context.getExecutionManager().findExecutionById(id);
        return execution != null && execution.isProcessInstanceExecution();
      },
      "execution", (context, id) -> context.getExecutionManager().findExecutionById(id) != null,
      "job", (context, id) -> context.getJobManager().findJobById(id) != null,
      "user", (context, id) -> context.getReadOnlyIdentityProvider().findUserById(id) != null,
      "group", (context, id) -> context.getReadOnlyIdentityProvider().findGroupById(id) != null,
      "tenant", (context, id) -> context.getReadOnlyIdentityProvider().findTenantById(id) != null);

  /** The metrics the engine records: the public String constants of {@link Metrics}. */
  private static final Set<String> METRICS = Arrays.stream(Metrics.class.getFields())
      .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).map(UnknownIdCheck::value)
      .collect(Collectors.toUnmodifiableSet());

  @Override
  public void filter(ContainerRequestContext request) {
    List<PathSegment> segments = request.getUriInfo().getPathSegments();
    int first = firstResourceSegment(segments);
    String engineName = first == 2 ? segments.get(1).getPath() : null;
    if (segments.size() < first + 2 || request.getMethod().equals("OPTIONS")) {
      return;
    }
    String resource = segments.get(first).getPath();
    String id = segments.get(first + 1).getPath();
    if (!FIXED.containsKey(resource) || FIXED.get(resource).contains(id) || id.isEmpty()) {
      return;
    }
    boolean exists;
    if (resource.equals("metrics")) {
      exists = METRICS.contains(id);
    } else {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      if (engine == null) {
        return; // Camunda answers an unknown engine itself
      }
      BiPredicate<CommandContext, String> lookup = EXISTS.get(resource);
      exists = withoutAuthorization(engine, context -> lookup.test(context, id));
    }
    if (!exists && resource.equals("task") && !request.getMethod().equals("GET") && completedTask(engineName, id)) {
      // a second click, or the loser of a race to complete (or claim) the same task: the task is done
      request.abortWith(taskCompleted(id));
      return;
    }
    if (!exists) {
      request.abortWith(BadInput.error(Response.Status.NOT_FOUND, "NotFoundException",
          (resource.equals("metrics") ? "no metric named " : "no " + resource.replace('-', ' ') + " with id ") + id));
    }
  }

  static Response taskCompleted(String id) {
    return BadInput.error(Response.Status.CONFLICT, "ConflictException",
        "task " + id + " has been completed already (by another user or an earlier request); nothing was changed"
            + " (该任务已办结，本次未作更改)");
  }

  /**
   * 409 for a change to a task (not a GET) that failed because the task was completed meanwhile: the loser
   * of two officials completing one task at once fails in the engine with an optimistic-locking conflict,
   * a missing task or, when the winner's commit took the task's authorizations with it, a 403. Null when
   * the request is not about a task or the task is still open.
   */
  static Response completedMeanwhile(jakarta.ws.rs.core.UriInfo uri, String method) {
    if (uri == null || method == null || method.equals("GET")) {
      return null;
    }
    List<PathSegment> segments = uri.getPathSegments();
    int first = firstResourceSegment(segments);
    if (segments.size() < first + 2 || !segments.get(first).getPath().equals("task") || FIXED.get("task").contains(segments.get(first + 1).getPath())) {
      return null;
    }
    String engineName = first == 2 ? segments.get(1).getPath() : null;
    String id = segments.get(first + 1).getPath();
    return EngineUtil.lookupProcessEngine(engineName) != null && completedTask(engineName, id) ? taskCompleted(id) : null;
  }

  /** What a job's recorded failure says when another transaction changed the same rows while it ran. */
  private static final List<String> CONCURRENT_FAILURE = List.of("OptimisticLockingException", "violates foreign key constraint",
      "Referential integrity constraint violation", "deadlock detected", "could not serialize access");

  /**
   * 409 for running a job by hand ({@code POST job/{id}/execute}) that failed because another transaction
   * changed the same work at the same moment: Camunda answers any failure of it 404 with the message only
   * (on PostgreSQL, a notice's end timer fired while an objection started its handling fails on a foreign
   * key). The job is still there and its recorded failure says so. Null otherwise.
   */
  static Response jobRunClashed(jakarta.ws.rs.core.UriInfo uri, String method) {
    if (uri == null || !"POST".equals(method)) {
      return null;
    }
    List<PathSegment> segments = uri.getPathSegments();
    int first = firstResourceSegment(segments);
    if (segments.size() != first + 3 || !segments.get(first).getPath().equals("job") || !segments.get(first + 2).getPath().equals("execute")) {
      return null;
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(first == 2 ? segments.get(1).getPath() : null);
    String id = segments.get(first + 1).getPath();
    if (engine == null) {
      return null;
    }
    String failure = withoutAuthorization(engine, context -> {
      org.camunda.bpm.engine.impl.persistence.entity.JobEntity job = context.getJobManager().findJobById(id);
      return job == null || job.getExceptionByteArrayId() == null ? null : job.getExceptionStacktrace();
    });
    if (failure == null || CONCURRENT_FAILURE.stream().noneMatch(failure::contains)) {
      return null;
    }
    return BadInput.error(Response.Status.CONFLICT, "ConflictException", "job " + id + " could not run: the same work was changed"
        + " at the same moment (for example an objection lodged as the notice ended); nothing of this run was stored and the job is"
        + " still due: reload and run it again if it is still needed (同一事项刚被修改，本次执行未保存，请刷新后再试)");
  }

  /** Whether a task of this id existed and has ended (its history says so). */
  private static boolean completedTask(String engineName, String id) {
    return withoutAuthorization(EngineUtil.lookupProcessEngine(engineName), context -> {
      org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity task =
          context.getDbEntityManager().selectById(org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity.class, id);
      return task != null && task.getEndTime() != null;
    });
  }

  /** The index of the resource segment: 2 after /engine/{name}, else 0. */
  private static int firstResourceSegment(List<PathSegment> segments) {
    return segments.size() > 2 && segments.get(0).getPath().equals("engine") ? 2 : 0;
  }

  /** A look-up in its own command that ignores authorizations (what exists, not what the caller may see). */
  private static <T> T withoutAuthorization(ProcessEngine engine, java.util.function.Function<CommandContext, T> lookup) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return lookup.apply(context);
      } finally {
        context.enableAuthorizationCheck();
      }
    });
  }


  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
