package dev.otsdk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What commands that talk to a device share: the global options, output streams and connecting. */
abstract class SessionCommand implements Callable<Integer> {

    @ParentCommand
    private Otsdk root;

    @Spec
    private CommandSpec spec;

    /** @return where results (JSON lines) go */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return where messages go */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Connects with the global options applied.
     *
     * @param uri the device URI
     * @return the connection; close it
     */
    final Connection connect(String uri) {
        return Connection.open(uri, root.sessionOptions());
    }
}
