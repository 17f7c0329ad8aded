package dev.errata.kernel;

import dev.errata.internal.Failures;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * Runs a command-line tool with Errata's exit statuses: 0 when it is done (or every check
 * passes), 1 when a check fails, 2 on bad arguments, bad input or a crash. A failure prints one
 * line on stderr, and its stack trace only with {@code --debug}. Shared by the kernel installer and
 * the notebook tools module.
 */
public final class Cli {

  /** Done, or every check passed. */
  public static final int OK = 0;

  /** A check failed (a notebook, a page). */
  public static final int FAILED = 1;

  /** Bad arguments, bad input or a crash. */
  public static final int BROKEN = 2;

  private Cli() {}

  /** What a tool does once its arguments are parsed; returns {@link #OK} or {@link #FAILED}. */
  public interface Tool {
    int run(Args args, PrintStream out) throws Exception;
  }

  /**
   * Parses {@code argv} and runs {@code tool}, printing to {@code out} and failures to {@code err}.
   *
   * @param name the tool's name, which starts each error line
   * @param usage printed for {@code --help}
   * @param valued the options that take a value
   */
  public static int run(
      String name,
      String usage,
      Set<String> valued,
      String[] argv,
      PrintStream out,
      PrintStream err,
      Tool tool) {
    boolean debug = List.of(argv).contains("--debug");
    try {
      Args args = Args.parse(argv, valued);
      if (args.flag("help")) {
        out.println(usage);
        return OK;
      }
      return tool.run(args, out);
    } catch (Exception | Error e) {
      err.println(name + ": " + Failures.describe(e).replace('\n', ' '));
      if (debug) {
        e.printStackTrace(err);
      }
      return BROKEN;
    }
  }
}
