package org.aipo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.ServletContext;

/**
 * The model files shipped in the WAR: everything under the top-level {@code processes/} folder of the
 * project, which the build places at {@code WEB-INF/classes/processes/}. Names are relative to that
 * folder ({@code platform-check.bpmn}, {@code forms/confirm-platform-check.form}), so they read the same
 * in Cockpit as in the repository.
 */
public final class ProcessModels {

  public static final String ROOT = "/WEB-INF/classes/processes/";

  private ProcessModels() {
  }

  public static boolean isModel(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
  }

  /** Reads every model file below {@link #ROOT}, sorted by name. */
  public static Map<String, byte[]> read(ServletContext context) {
    Map<String, byte[]> models = new TreeMap<>();
    collect(context, ROOT, models);
    return models;
  }

  private static void collect(ServletContext context, String folder, Map<String, byte[]> into) {
    Set<String> paths = context.getResourcePaths(folder);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      if (path.endsWith("/")) {
        collect(context, path, into);
      } else if (isModel(path)) {
        try (InputStream in = context.getResourceAsStream(path)) {
          if (in != null) {
            into.put(path.substring(ROOT.length()), in.readAllBytes());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read model " + path, e);
        }
      }
    }
  }
}
