package dev.otsdk.cli;

import dev.otsdk.api.DeviceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code otsdk info <uri>}: the device's identity as one JSON object. */
@Command(name = "info",
        header = "Print the device identity as one JSON object.",
        description = {
            "Asks the device who it is (Modbus 43/14, S7 SZL, OPC UA BuildInfo) and prints",
            "  {\"protocol\":…,\"vendor\":…,\"product\":…,\"version\":…,\"properties\":{…},",
            "   \"capabilities\":[…]}"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class InfoCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "<uri>", description = "The device, e.g. s7://10.0.0.5?rack=0&slot=1")
    private String uri;

    @Override
    public Integer call() {
        try (Connection c = connect(uri)) {
            DeviceInfo info = c.session().deviceInfo();
            out().println(JsonLines.deviceInfo(c.session().protocol(), c.session().capabilities(), info));
            out().flush();
            return ExitCode.OK;
        }
    }
}
