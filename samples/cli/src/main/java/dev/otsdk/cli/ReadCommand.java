package dev.otsdk.cli;

import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Tag;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code otsdk read <uri> <tag>...}: one JSON object per tag and line, in the order given. */
@Command(name = "read",
        header = "Read tags once: one JSON object per tag and line.",
        description = {
            "Tags are read in as few requests as the device allows. Each line is",
            "  {\"tag\":…,\"value\":…,\"quality\":\"GOOD\",\"status\":\"Good\",",
            "   \"sourceTime\":…,\"serverTime\":…,\"receivedTime\":…}",
            "with \"tag\" as typed. A BAD tag has \"value\":null and the device's status, and any tag that is"
                    + " not GOOD makes the exit code 1."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class ReadCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "<uri>", description = "The device, e.g. modbus+tcp://10.0.0.5?unit=1")
    private String uri;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<tag>",
            description = "address[:type][[count]], e.g. holding:0:uint16, DB1.DBD4:REAL, ns=2;s=Temp")
    private List<String> tagTexts;

    @Override
    public Integer call() {
        List<Tag<?>> tags = TagArguments.parse(tagTexts);
        try (Connection c = connect(uri)) {
            ReadResult result = c.session().read(tags);
            PrintWriter out = out();
            for (int i = 0; i < result.size(); i++) {
                out.println(JsonLines.tagValue(tagTexts.get(i), result.get(i)));
            }
            out.flush();
            return result.allGood() ? ExitCode.OK : ExitCode.NOT_GOOD;
        }
    }
}
