package org.trialsearch.cli;

import java.io.IOException;
import org.trialsearch.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trialsearch index ...} builds an index from files; {@code trialsearch serve ...} serves one over HTTP. */
@Command(
    name = "trialsearch",
    mixinStandardHelpOptions = true,
    version = "trialsearch 0.1.0",
    description = "Search server for clinical trials.",
    subcommands = {IndexCommand.class, ServeCommand.class, FetchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(Main::reportFailure);
    System.exit(commandLine.execute(args));
  }

  /** Configuration and file problems are the user's to fix: say what is wrong, no stack trace. */
  private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    if (e instanceof ConfigException || e instanceof IOException) {
      commandLine.getErr().println("error: " + e.getMessage());
      return 1;
    }
    e.printStackTrace(commandLine.getErr());
    return 2;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
