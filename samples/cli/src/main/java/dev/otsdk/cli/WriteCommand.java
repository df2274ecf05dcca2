package dev.otsdk.cli;

import dev.otsdk.api.TagWrite;
import dev.otsdk.api.WriteResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code otsdk write <uri> <tag>=<value>...}: one JSON object per write and line. */
@Command(name = "write",
        header = "Write tags: <tag>=<value>, one JSON result per write and line.",
        description = {
            "Writes go out in as few requests as the device allows. Each line is",
            "  {\"tag\":…,\"ok\":true|false,\"status\":…}",
            "Each argument is split at its LAST '=', because OPC UA tags contain '=' themselves:",
            "  ns=2;s=Temp=21.5   writes 21.5 to the node ns=2;s=Temp",
            "so a value cannot contain '='.",
            "Values are text converted to the tag's type: 7, -1.5, true, 0x1F, [1,2,3] for arrays, ISO-8601 for"
                    + " times; without a type the device's type is used.",
            "A refused write makes the exit code 1."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class WriteCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "<uri>", description = "The device, e.g. modbus+tcp://10.0.0.5?unit=1")
    private String uri;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<tag>=<value>",
            description = "e.g. holding:0:uint16=7, DB1.DBX0.0:BOOL=true, ns=2;s=Setpoint=21.5")
    private List<String> assignments;

    @Override
    public Integer call() {
        List<TagAssignment> parsed = new ArrayList<>(assignments.size());
        List<TagWrite<?>> writes = new ArrayList<>(assignments.size());
        for (String a : assignments) {
            TagAssignment assignment = TagAssignment.parse(a);
            parsed.add(assignment);
            writes.add(assignment.toWrite()); // converted before connecting: a typo never half-writes
        }
        try (Connection c = connect(uri)) {
            WriteResult result = c.session().write(writes);
            PrintWriter out = out();
            for (int i = 0; i < result.size(); i++) {
                out.println(JsonLines.writeOutcome(parsed.get(i).tagText(), result.get(i)));
            }
            out.flush();
            return result.allOk() ? ExitCode.OK : ExitCode.NOT_GOOD;
        }
    }
}
