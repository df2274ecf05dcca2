package dev.otsdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/** Runs {@code otsdk} in-process, as {@link Otsdk#main(String[])} would, with captured output. */
final class Cli {

    /** A finished run. */
    record Run(int exitCode, String out, String err) {

        /** @return stdout's lines */
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }
    }

    /** A run in the background, for commands that run for a while. */
    static final class Running {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final CompletableFuture<Run> finished;

        private Running(String... args) {
            finished = CompletableFuture.supplyAsync(() -> {
                int code = Otsdk.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
                return new Run(code, out.toString(), err.toString());
            });
        }

        /** @return stdout's lines so far */
        List<String> linesSoFar() {
            String s = out.toString();
            return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\R"));
        }

        /** @return completes with the run */
        CompletableFuture<Run> finished() {
            return finished;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return runCommand(new Otsdk(), args);
    }

    /** Runs one command object (e.g. a subcommand built with test collaborators) as the tool would. */
    static Run runCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Otsdk.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Running start(String... args) {
        return new Running(args);
    }
}
