package io.mmbot.chaos.examples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript bot judged by the suite's runner: {@code --bot-cmd "node bot.mjs …"} with {@code
 * --bot-limits market_data=rest} (it polls the order book over REST and has no stream), a baseline
 * and EXCH_429 at one seed. Its baseline passes; under 429 waves it fails, and the record and the
 * stderr line say why (it has no guards and does not honour {@code Retry-After}). Skipped when
 * {@code node} or ccxt is missing, failed for either in CI, as {@link CcxtBotIT}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CcxtSuiteRunnerIT {

  private static final Path JS = JsBot.DIR;

  @TempDir Path dir;

  @Test
  void baselinePassesAndExch429FailsWithNamedReasons() throws Exception {
    Path node = JsBot.requireNodeAndCcxt();
    String bot =
        SuiteRunner.quote(node.toString())
            + " "
            + SuiteRunner.quote(JS.resolve("bot.mjs").toAbsolutePath().toString())
            + " --rest-url {rest_url} --api-key {api_key} --api-secret {api_secret}"
            + " --metrics-port {metrics_port} --run-dir {run_dir}";
    SuiteRunner.Result r =
        SuiteRunner.run(
            dir,
            Duration.ofSeconds(120),
            List.of(
                "--bot-cmd",
                bot,
                "--bot-limits",
                "market_data=rest",
                "--scenario",
                "exch_429",
                "--seed",
                "1",
                "--duration-sec",
                "12"));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JSONObject baseline = r.baseline(1);
    assertThat(SuiteRunner.failed(baseline))
        .as("baseline: " + baseline.opt("failed_checks"))
        .isSubsetOf(SuiteRunner.TIMING);
    JSONObject rec = r.record("exch_429", 1);
    System.out.println("ccxt exch_429: failed " + rec.opt("failed_checks"));
    assertThat(rec.getJSONObject("external").getString("market_data")).isEqualTo("rest");
    assertThat(rec.getJSONObject("external").getString("limits")).endsWith("market_data=rest");
    assertThat(SuiteRunner.failed(rec)).contains("retry_after", "expected_guards");
    assertThat(rec.getJSONObject("failed_checks").getString("expected_guards"))
        .contains("RATE_LIMITED");
    assertThat(r.stderr())
        .contains("FAILED exch_429 seed 1 (external)")
        .contains("--bot-limits open_per_side=2")
        .contains("market_data=rest");
  }
}
