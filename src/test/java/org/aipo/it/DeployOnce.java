package org.aipo.it;

import java.util.logging.Logger;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.ContainerRegistry;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Deploys the application once per test run for all the tests that call it from outside (testable = false), instead
 * of once per test class: Arquillian's default undeploys and redeploys the WAR around every class, and each start of
 * the application (Flyway, the engine, the models) took 10–12 s — a quarter of the suite's time with 50 classes on two
 * databases. A class that runs inside the server (testable = true: EngineIT, ReviewIT, OutboxIT) still gets its own
 * WAR with its classes: the shared one is undeployed first, and deployed again by the next outside class. The shared
 * WAR is undeployed when the suite ends, before the server stops.
 *
 * <p>The tests were already written against one database that outlives deployments; what they no longer get is a
 * fresh application (its in-memory caches) per class, which none of them may rely on.
 */
public class DeployOnce {

  /** Registered in META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension (test class path only). */
  public static class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.observer(DeployOnce.class);
    }
  }

  private static final Logger LOG = Logger.getLogger(DeployOnce.class.getName());

  @Inject
  private Instance<DeploymentScenario> scenario;

  @Inject
  private Instance<ContainerRegistry> registry;

  /** The shared WAR while it is deployed, and the container it is on. */
  private static Archive<?> shared;
  private static Container sharedOn;

  public void deploy(@Observes EventContext<DeployManagedDeployments> event) throws DeploymentException {
    Deployment deployment = single();
    if (deployment == null || deployment.getDescription().testable()) {
      undeployShared();
      event.proceed();
      return;
    }
    if (shared != null) {
      LOG.fine(() -> "DeployOnce: " + shared.getName() + " stays deployed");
      return;
    }
    event.proceed();
    if (deployment.isDeployed()) {
      shared = deployment.getDescription().getArchive();
      sharedOn = registry.get().getContainer(deployment.getDescription().getTarget());
    }
  }

  public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
    Deployment deployment = single();
    if (deployment == null || deployment.getDescription().testable()) {
      event.proceed();
    }
    // the shared WAR stays for the next class
  }

  public void endOfSuite(@Observes EventContext<AfterSuite> event) throws DeploymentException {
    try {
      undeployShared();
    } finally {
      event.proceed();
    }
  }

  private static void undeployShared() throws DeploymentException {
    if (shared != null) {
      Archive<?> archive = shared;
      shared = null;
      sharedOn.getDeployableContainer().undeploy(archive);
    }
  }

  /** The class's one managed deployment, or null when it has none or several (then Arquillian's default applies). */
  private Deployment single() {
    DeploymentScenario current = scenario.get();
    if (current == null || current.deployments().size() != 1) {
      return null;
    }
    return current.deployments().get(0);
  }
}
