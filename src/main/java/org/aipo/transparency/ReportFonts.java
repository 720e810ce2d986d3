package org.aipo.transparency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.aipo.common.DomainException;
import org.aipo.platform.EngineStarted;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Chinese font the PDF reports embed: the first readable file of the setting {@code aipo.reports.font}
 * (comma-separated paths; default WenQuanYi Micro Hei, then Zen Hei, as Debian installs them). Without one,
 * a report request is refused with 503 naming the setting, and the server says so once at start.
 */
@ApplicationScoped
public class ReportFonts {

  public static final String SETTING = "aipo.reports.font";
  public static final String DEFAULT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

  private static final Logger LOG = Logger.getLogger(ReportFonts.class.getName());

  @Inject
  @ConfigProperty(name = SETTING, defaultValue = DEFAULT)
  String setting;

  protected ReportFonts() {
    // for CDI
  }

  /** For tests and the benchmark: a fixed list of candidate files. */
  public ReportFonts(String setting) {
    this.setting = setting;
  }

  void atStart(@Observes EngineStarted started) {
    if (find().isEmpty()) {
      LOG.warning("No Chinese font for PDF reports among " + setting + " (setting " + SETTING
          + "): report and dossier PDFs answer 503 until one is installed, e.g. Debian's fonts-wqy-microhei.");
    } else {
      LOG.info("PDF reports embed the font " + find().get());
    }
  }

  public Optional<Path> find() {
    return Arrays.stream((setting == null ? DEFAULT : setting).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(Path::of).filter(Files::isReadable).findFirst();
  }

  /** The font file, or a 503 refusal naming the setting. */
  public Path require() {
    return find().orElseThrow(() -> DomainException.unavailable("reports.font-missing", SETTING,
        "服务器未安装用于 PDF 报告的中文字体（设置 " + SETTING + "：" + setting + "），请安装 fonts-wqy-microhei 或修改该设置。",
        "the server has no Chinese font for PDF reports (setting " + SETTING + ": " + setting
            + "); install fonts-wqy-microhei or change the setting."));
  }
}
