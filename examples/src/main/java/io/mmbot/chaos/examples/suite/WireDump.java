package io.mmbot.chaos.examples.suite;

import io.mmbot.chaos.examples.judge.WireLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the exchange saw of a bot in another process to {@code wire.tsv} in the run's
 * directory, one request per line in arrival order (times in ms from the harness's start), so that
 * a failed check can be traced to the requests behind it. Best effort: a failure to write is
 * returned as a note, never thrown.
 */
final class WireDump {

  static final String FILE = "wire.tsv";

  /** The market data the exchange wrote to the bot, one message per line. */
  static final String STREAM_FILE = "market-data.tsv";

  private WireDump() {}

  static String write(Path runDir, WireLog w, long warmupNanos) {
    List<WireLog.Request> rs = new ArrayList<>(w.requests());
    rs.sort(Comparator.comparingLong(WireLog.Request::sentAtNanos));
    try (BufferedWriter out =
        Files.newBufferedWriter(runDir.resolve(FILE), StandardCharsets.UTF_8)) {
      out.write(
          "arrived_ms\tanswered_ms\tendpoint\toutcome\tstatus\tcode\tretry_after_ms\t"
              + "client_order_id\tside\tprice_ticks\n");
      out.write(String.format(Locale.ROOT, "# chaos on from %.1f ms%n", warmupNanos / 1e6));
      for (WireLog.Request r : rs) {
        out.write(
            String.format(
                Locale.ROOT,
                "%.1f\t%.1f\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%d%n",
                r.sentAtNanos() / 1e6,
                r.doneAtNanos() / 1e6,
                r.endpoint(),
                r.outcome(),
                r.status(),
                r.code(),
                r.retryAfterMs(),
                r.clientOrderId() == null ? "" : r.clientOrderId(),
                r.side() == 0 ? "" : String.valueOf(r.side()),
                r.priceTicks()));
      }
      return null;
    } catch (IOException e) {
      return "could not write " + FILE + ": " + e.getMessage();
    }
  }

  /**
   * Writes {@code market-data.tsv}: when the exchange wrote each market-data message the judge
   * reads (ms from the harness's start) and on which session, in time order; the gaps that {@code
   * WS_GAP} and {@code STALE_DATA} judge are the differences of consecutive lines of one session.
   *
   * @param marketData delivery times and the session of each, as the judge reads them
   * @return null, or a note saying why the file could not be written
   */
  static String writeMarketData(Path runDir, long[][] marketData) {
    try (BufferedWriter out =
        Files.newBufferedWriter(runDir.resolve(STREAM_FILE), StandardCharsets.UTF_8)) {
      out.write("written_ms\tsession\n");
      for (int i = 0; i < marketData[0].length; i++) {
        out.write(
            String.format(Locale.ROOT, "%.1f\t%d%n", marketData[0][i] / 1e6, marketData[1][i]));
      }
      return null;
    } catch (IOException e) {
      return "could not write " + STREAM_FILE + ": " + e.getMessage();
    }
  }
}
