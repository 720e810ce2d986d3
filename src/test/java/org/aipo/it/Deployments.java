package org.aipo.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application as built by `mvn package`, for Arquillian: the real WAR, not a hand-picked subset. */
final class Deployments {

  static final String NAME = "programme-office.war";

  private Deployments() {
  }

  static WebArchive applicationWar() {
    File war = new File(System.getProperty("it.war", "target/programme-office.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
    }
    return ShrinkWrap.create(ZipImporter.class, NAME).importFrom(war).as(WebArchive.class);
  }
}
