package org.aipo.platform.webapp;

import java.io.IOException;

import org.camunda.bpm.webapp.impl.engine.ProcessEnginesFilter;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;

/**
 * Camunda's engines filter reads {@code /app/<name>/index.html} from the root of the WAR; ours are
 * under the webapp path ({@code /camunda}), so the names are prefixed before they are read.
 */
public class PrefixedProcessEnginesFilter extends ProcessEnginesFilter {

  private String appPath;

  @Override
  public void init(jakarta.servlet.FilterConfig filterConfig) throws jakarta.servlet.ServletException {
    super.init(filterConfig);
    appPath = ServletContextUtil.getAppPath(filterConfig.getServletContext());
  }

  @Override
  protected boolean hasWebResource(String name) {
    return super.hasWebResource(prefixed(name));
  }

  @Override
  protected String getWebResourceContents(String name) throws IOException {
    return super.getWebResourceContents(prefixed(name));
  }

  String prefixed(String name) {
    if (appPath == null || appPath.isEmpty() || name.startsWith(appPath + "/")) {
      return name;
    }
    return appPath + name;
  }
}
