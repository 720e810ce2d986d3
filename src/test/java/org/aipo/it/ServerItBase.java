package org.aipo.it;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server setup every integration test shares. Arquillian deploys the application as {@code mvn package}
 * built it (the real WAR, not a hand-picked subset) to the managed Liberty of the run: {@code programmeOfficeIT}
 * on H2, or {@code programmeOfficePG} in the PostgreSQL pass (arquillian.xml, failsafe in pom.xml).
 *
 * <p>A test that talks to the server over HTTP, as a browser, Camunda Modeler or curl would, extends this class:
 * it gets {@link #client} (a fresh HTTP client with its own cookies for each test), {@link #officials} (what
 * officials, experts and the administrator do over REST) and {@link #as}, {@link #asUser}, {@link #anonymous}.
 * A test that runs inside the server (EngineIT, ReviewIT) declares its own deployment,
 * {@link #applicationWarWith} its classes. ClusterIT starts Liberty nodes of its own and needs none of this.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ServerItBase {

  static final String WAR_NAME = "programme-office.war";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return applicationWar();
  }

  /** The WAR of {@code mvn package} (failsafe passes its path as {@code it.war}). */
  static WebArchive applicationWar() {
    File war = new File(System.getProperty("it.war", "target/" + WAR_NAME));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
    }
    return ShrinkWrap.create(ZipImporter.class, WAR_NAME).importFrom(war).as(WebArchive.class);
  }

  /**
   * The WAR with the classes of a test that runs inside the server, and the test libraries it uses there
   * (Awaitility and its Hamcrest; JUnit comes with Arquillian's own deployment).
   */
  static WebArchive applicationWarWith(Class<?>... testClasses) {
    return applicationWar().addClasses(testClasses)
        .addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the jar of " + type, e);
    }
  }

  /** The test server (not Arquillian's {@code @ArquillianResource URL}: {@link DeployOnce} deploys once for many classes). */
  static final URI BASE = URI.create("http://localhost:" + System.getProperty("it.http.port", "9180") + "/");

  WebClient client;
  Officials officials;

  @BeforeEach
  void connectToTheServer() {
    client = newClient();
    officials = new Officials(client);
  }

  /** The address of a path on the test server, e.g. {@code url("/portal/")}. */
  URI url(String path) {
    return BASE.resolve(path);
  }

  /** Another client: its own cookies, hence its own webapp or portal session. */
  WebClient newClient() {
    return new WebClient(url("/"));
  }

  /** A request as a demo user (password demo) with HTTP Basic; a JSON body when {@code json} is not null. */
  HttpResponse<String> as(String user, String method, String path, String json) throws Exception {
    return officials.as(user, method, path, json);
  }

  /** A request as any user with HTTP Basic; a JSON body when {@code json} is not null. */
  HttpResponse<String> asUser(String user, String password, String method, String path, String json) throws Exception {
    return client.send(method, path, json == null ? null : "application/json", json, "Authorization", WebClient.basic(user, password));
  }

  /** A request without credentials (nor the session of {@link #client}, if it has none). */
  HttpResponse<String> anonymous(String method, String path, String json) throws Exception {
    return client.send(method, path, json == null ? null : "application/json", json);
  }
}
