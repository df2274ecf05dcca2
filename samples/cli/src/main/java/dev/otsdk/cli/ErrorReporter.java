package dev.otsdk.cli;

import dev.otsdk.api.OtException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns every failure into one line {@code otsdk: <message>} on stderr (with the stack trace only under
 * {@code -v}) and the contract's exit code, for parse errors and for failures while a command runs.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable t = ExitCode.unwrap(ex);
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(commandLine);
        err.println("otsdk: " + message(t, verbose));
        if (verbose) {
            t.printStackTrace(err);
        }
        err.flush();
        return ExitCode.of(t);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("otsdk: " + parseMessage(ex, cmd));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }

    /** Picocli says "Unmatched arguments from index 0: 'raed', …" for a mistyped command; say what it is. */
    private static String parseMessage(CommandLine.ParameterException ex, CommandLine cmd) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; commands are "
                    + String.join(", ", cmd.getSubcommands().keySet());
        }
        return ex.getMessage();
    }

    /** The SDK's messages are written for people; for anything else the class name helps. */
    private static String message(Throwable t, boolean verbose) {
        String m = t.getMessage();
        if (t instanceof OtException || t instanceof UsageException || t instanceof CommandLine.ParameterException) {
            return m == null ? t.getClass().getSimpleName() : m;
        }
        return "unexpected " + t.getClass().getName() + (m == null ? "" : ": " + m)
                + (verbose ? "" : " (run with -v for the stack trace)");
    }

    private static boolean verbose(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().userObject() instanceof Otsdk root && root.verbose();
    }
}
