package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mmbot.chaos.testsupport.ExternalProgram;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless Chromium (Debian package {@code chromium}): takes a
 * screenshot and checks that the page painted (many colours, much non-background area), dumps the
 * DOM after load and checks that every chart was laid out and no script error or blocked load was
 * recorded, and scans Chromium's log for console messages. The same checks run against a broken
 * page and a blank page to show that they can fail. Skipped when Chromium is not installed, except
 * under {@code CI=true}, where a missing Chromium fails the test.
 */
class HtmlReportBrowserTest {

  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]");
  private static final long TIMEOUT_SEC = 90;

  @TempDir Path dir;

  private int profiles;

  @Test
  void theSampleReportRendersItsChartsWithoutConsoleErrors() throws Exception {
    Path chromium = ExternalProgram.chromium();
    Path html = dir.resolve("report.html");
    ReportModel model = ReportModel.of(RunSet.load(GoldenFilesTest.RUNS));
    AtomicFiles.write(html, HtmlReport.render(model));

    Path png = dir.resolve("report.png");
    Run shot = run(chromium, html, "--screenshot=" + png, "--enable-logging=stderr", "--v=0");
    assertThat(shot.exit).as(shot.err).isZero();
    assertThat(consoleMessages(shot.err)).isEmpty();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(900);
    assertThat(colours(image)).isGreaterThan(200);
    assertThat(nonBackgroundShare(image)).isGreaterThan(0.5);

    Run dom = run(chromium, html, "--dump-dom");
    assertThat(dom.exit).as(dom.err).isZero();
    assertThat(dom.out).contains("data-errors=\"\"");
    // one pass-rate chart and one timeline per scenario, all with a non-empty layout box
    assertThat(dom.out).contains("data-charts-rendered=\"11\"");
    assertThat(HtmlReportTest.count(dom.out, "<svg class=\"chart timeline\"")).isEqualTo(10);
    assertThat(HtmlReportTest.count(dom.out, "<rect class=\"burst\"")).isEqualTo(20);
    assertThat(HtmlReportTest.count(dom.out, "<path class=\"injection\"")).isEqualTo(60);
    assertThat(HtmlReportTest.count(dom.out, "<g class=\"rate ")).isEqualTo(10);
  }

  @Test
  void noChartTextIsCutAtTheEdgeAtAnyUsualWidth() throws Exception {
    Path chromium = ExternalProgram.chromium();
    Path html = dir.resolve("report.html");
    ReportModel model = ReportModel.of(RunSet.load(GoldenFilesTest.RUNS));
    // the widest value label a suite of 20 seeds prints
    AtomicFiles.write(
        html, HtmlReport.render(model).replaceAll(">\\d+/\\d+ passed<", ">20/20 passed<"));
    for (String width : List.of("800", "1280", "1920")) {
      Run dom = run(chromium, html, "--dump-dom", "--window-size=" + width + ",900");
      assertThat(dom.exit).as(dom.err).isZero();
      assertThat(dom.out).as("at %s px", width).contains("data-charts-rendered=\"11\"");
      assertThat(dom.out).as("at %s px", width).contains("data-clipped-texts=\"\"");
    }
  }

  @Test
  void theChecksCatchScriptErrorsBlockedLoadsAndABlankPage() throws Exception {
    Path chromium = ExternalProgram.chromium();
    String page = HtmlReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));
    Path broken = dir.resolve("broken.html");
    // An external image is blocked by the page's Content-Security-Policy: no request leaves.
    Files.writeString(
        broken,
        page.replace(
            "</body>",
            "<script>missingFunction();</script><img src=\"https://example.invalid/x.png\">"
                + "</body>"),
        StandardCharsets.UTF_8);

    Run log =
        run(
            chromium,
            broken,
            "--screenshot=" + dir.resolve("b.png"),
            "--enable-logging=stderr",
            "--v=0");
    assertThat(consoleMessages(log.err))
        .anyMatch(l -> l.contains("missingFunction is not defined"))
        .anyMatch(l -> l.contains("Content Security Policy"));
    Run dom = run(chromium, broken, "--dump-dom");
    assertThat(dom.out)
        .contains("missingFunction is not defined")
        .contains("blocked https://example.invalid");

    Path blank = dir.resolve("blank.html");
    Files.writeString(blank, "<!DOCTYPE html><html><body></body></html>");
    Path png = dir.resolve("blank.png");
    run(chromium, blank, "--screenshot=" + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(colours(image)).isLessThan(5);
    assertThat(nonBackgroundShare(image)).isLessThan(0.01);
  }

  private static List<String> consoleMessages(String log) {
    List<String> out = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (CONSOLE.matcher(line).find()) {
        out.add(line);
      }
    }
    return out;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        seen.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return seen.size();
  }

  /** Share of pixels that differ from the top-left pixel (the page background). */
  private static double nonBackgroundShare(BufferedImage image) {
    int background = image.getRGB(0, 0);
    long differ = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) != background) {
          differ++;
        }
      }
    }
    return differ / (double) ((long) image.getWidth() * image.getHeight());
  }

  private record Run(int exit, String out, String err) {}

  /** Runs Chromium headless on a local file with the flags of TOOLCHAIN.md; bounded wait. */
  private Run run(Path chromium, Path page, String... extra)
      throws IOException, InterruptedException {
    Path profile = Files.createDirectory(dir.resolve("profile-" + (++profiles)));
    List<String> cmd = new ArrayList<>();
    cmd.add(chromium.toString());
    cmd.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile));
    if (Arrays.stream(extra).noneMatch(e -> e.startsWith("--window-size="))) {
      cmd.add("--window-size=1280,900");
    }
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = dir.resolve("chromium-" + profiles + ".out");
    Path err = dir.resolve("chromium-" + profiles + ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)) {
        fail("chromium did not finish within " + TIMEOUT_SEC + " s: " + cmd);
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
