package io.mmbot.chaos.report.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mm-chaos} command line: {@code report} turns run files into {@code report.md} (and
 * {@code report.html}), {@code findings} turns a report into {@code findings.json}, {@code
 * validate} checks the {@code chaos:} block of a {@code config.yaml}.
 *
 * <p>Exit codes: {@value #OK} all well; {@value #CRITERIA_FAILED} acceptance criteria failed (or,
 * with {@code --fail-on}, findings at or above the given severity); {@value #BAD_INPUT} bad input
 * (usage errors, unreadable run files, a malformed report, files that cannot be written) and any
 * internal failure, even an {@code OutOfMemoryError}: 1 always means that criteria failed.
 */
@Command(
    name = "mm-chaos",
    mixinStandardHelpOptions = true,
    versionProvider = MmChaos.Version.class,
    description = "Chaos test artifacts for MM-Bot: reports, findings, config checks.",
    subcommands = {
      ReportCommand.class,
      FindingsCommand.class,
      ValidateCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all runs passed / no findings at the --fail-on level",
      "1:acceptance criteria failed, or findings at the --fail-on level",
      "2:bad input: usage error, unreadable run file, malformed report, invalid config, I/O error;"
          + " any internal error"
    })
public final class MmChaos implements Callable<Integer> {

  /** Everything passed. */
  public static final int OK = 0;

  /** Acceptance criteria failed, or findings at the {@code --fail-on} level. */
  public static final int CRITERIA_FAILED = 1;

  /** Bad input or an error. */
  public static final int BAD_INPUT = 2;

  @Spec private CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given streams and returns the exit code; never exits the JVM.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new MmChaos());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("mm-chaos: internal error: " + ex);
          return BAD_INPUT;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (Throwable t) { // an Error such as OutOfMemoryError: still exit 2, never 1
      code = BAD_INPUT;
      try {
        err.println("mm-chaos: internal error: " + t);
      } catch (Throwable ignored) { // nothing more can be said; the exit code still tells
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("mm-chaos: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = MmChaos.class.getPackage().getImplementationVersion();
      return new String[] {"mm-chaos " + (v == null ? "(development build)" : v)};
    }
  }
}
