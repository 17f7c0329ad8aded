package dev.errata.internal;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs a command-line tool with Errata's exit statuses: 0 when it is done (or every check
 * passes), 1 when a check fails, 2 on bad arguments, bad input or a crash. A failure prints one
 * message on stderr (one line, unless it quotes an input line with a caret under the error), and
 * its stack trace only with {@code --debug}. Shared by the audit gate, the kernel installer and the
 * notebook tools.
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
   * Parses {@code argv} against {@code command} (a {@link Command#tool}) and runs {@code tool},
   * printing to {@code out} and failures to {@code err}; {@code --help} prints the command's full
   * help instead. An argument error already names the tool; any other failure gets its name.
   */
  public static int run(
      Command command, String[] argv, PrintStream out, PrintStream err, Tool tool) {
    if (command.kind() != Command.Kind.TOOL) {
      throw new IllegalArgumentException(command.display() + " is no command-line tool");
    }
    boolean debug = List.of(argv).contains("--debug");
    Args args;
    try {
      args = command.parse(List.of(argv));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      return BROKEN;
    }
    if (args.flag("help")) {
      out.print(command.helpText());
      return OK;
    }
    try {
      return tool.run(args, out);
    } catch (Exception | Error e) {
      err.println(command.name() + ": " + Failures.describe(e));
      if (debug) {
        e.printStackTrace(err);
      }
      return BROKEN;
    }
  }
}
