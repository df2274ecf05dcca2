package dev.otsdk.cli;

import dev.otsdk.api.BrowseNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code otsdk browse <uri> [<node>]}: the children of a node, one JSON object per line. */
@Command(name = "browse",
        header = "List the children of a node (OPC UA) as JSON lines.",
        description = {
            "Without <node>, the root is listed. Each line is",
            "  {\"address\":…,\"browseName\":…,\"displayName\":…,\"kind\":\"VARIABLE\",",
            "   \"dataType\":…,\"type\":…,\"readable\":…,\"writable\":…,\"hasChildren\":…}",
            "\"address\" and \"type\" make a tag: <address>:<type>. Protocols that cannot browse (Modbus, S7)"
                    + " end with exit code 2."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class BrowseCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "<uri>", description = "The server, e.g. opc.tcp://host:4840")
    private String uri;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<node>",
            description = "The node to list, e.g. ns=0;i=85 (default: the root).")
    private String node;

    @Override
    public Integer call() {
        try (Connection c = connect(uri)) {
            PrintWriter out = out();
            for (BrowseNode n : c.session().browse(node)) {
                out.println(JsonLines.browseNode(n));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
