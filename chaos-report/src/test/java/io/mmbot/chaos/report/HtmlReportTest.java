package io.mmbot.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path dir;

  static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void isSelfContainedWithNoReferenceToAnythingOutsideThePage() throws Exception {
    String html = HtmlReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));

    assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("//cdn");
    assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import");
    assertThat(html).doesNotContain("url(");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  @Test
  void drawsAPassRateChartAndATimelinePerScenarioWithATimeline() throws Exception {
    String html = HtmlReport.render(ReportModel.of(RunSet.load(GoldenFilesTest.RUNS)));

    assertThat(count(html, "<svg class=\"chart pass-rate\"")).isEqualTo(1);
    assertThat(count(html, "<g class=\"rate ")).isEqualTo(10);
    // every sample scenario has at least one run with a timeline
    assertThat(count(html, "<svg class=\"chart timeline\"")).isEqualTo(10);
    // each sample timeline has two bursts (0-30 s and 120-150 s) with three marked windows each
    assertThat(count(html, "<rect class=\"burst\"")).isEqualTo(20);
    assertThat(count(html, "<path class=\"injection\"")).isEqualTo(60);
    assertThat(count(html, "<polyline class=\"p95\"")).isEqualTo(10);
    assertThat(html).contains("<rect class=\"miss\"");
  }

  @Test
  void escapesFileNamesAndMessages() throws Exception {
    Files.writeString(dir.resolve("<b>x&\"y.json"), "{");
    Files.writeString(dir.resolve("ok.json"), RunReaderTest.SEED_EXAMPLE);

    String html = HtmlReport.render(ReportModel.of(RunSet.load(dir)));

    assertThat(html).contains("&lt;b&gt;x&amp;&quot;y.json").doesNotContain("<b>x");
    assertThat(html).contains("No run of this scenario recorded a timeline.");
  }

  @Test
  void listsDuplicateRunsAndEscapesHostileNamesAndProblems() throws Exception {
    String run = RunReaderTest.SEED_EXAMPLE.replace("{\"scenario\"", "{\"seed\": 4, \"scenario\"");
    Files.writeString(dir.resolve("a<b>&.json"), run);
    Files.writeString(dir.resolve("b.json"), run);
    Files.writeString(
        dir.resolve("c\u202e.json"),
        RunReaderTest.SEED_EXAMPLE.replace("\"pass\"", "\"<script>alert(1)</script>\""));

    String html = HtmlReport.render(ReportModel.of(RunSet.load(dir)));

    assertThat(html).contains("1 unreadable</strong> · 9 without runs · 1 duplicate</p>");
    assertThat(html)
        .contains(
            "<li>net_loss seed 4: <code>a&lt;b&gt;&amp;.json</code>, <code>b.json</code></li>");
    assertThat(html)
        .contains("<code>c\\u202e.json</code>")
        .contains("found &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
        .doesNotContain("<script>alert")
        .doesNotContain("\u202e");
  }
}
