package dev.otsdk.cli;

import dev.otsdk.api.Deadband;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code otsdk watch <uri> <tag>...}: subscribes and prints each value and gap as a JSON line. */
@Command(name = "watch",
        header = "Subscribe to tags and print every change and gap as JSON lines.",
        description = {
            "Lines are those of read. Subscriptions are native where the protocol has them (OPC UA), else"
                    + " polled.",
            "The current value of every tag comes first. Missed changes (connection lost, slow consumer) are"
                    + " reported as",
            "  {\"gap\":{\"from\":…,\"to\":…,\"reason\":…,\"dropped\":…,\"detail\":…}}",
            "followed by every tag's current value. Runs until --duration passes or Ctrl-C.",
            "A value that is not GOOD makes the exit code 1."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class WatchCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "<uri>", description = "The device, e.g. opc.tcp://host:4840")
    private String uri;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<tag>", description = "Tags, as for read.")
    private List<String> tagTexts;

    @Option(names = "--interval", defaultValue = "500ms", paramLabel = "<duration>",
            converter = DurationConverter.class,
            description = "Sampling interval (OPC UA) or polling period (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C).")
    private Duration duration;

    @Option(names = "--deadband", paramLabel = "<x>|<x>%",
            description = "Report numeric changes larger than x (absolute) or x%% of the engineering range"
                    + " (OPC UA only).")
    private String deadband;

    @Option(names = "--all", description = "Report every sample, not only changes.")
    private boolean all;

    @Override
    public Integer call() {
        List<Tag<?>> tags = TagArguments.parse(tagTexts);
        SubscriptionOptions options = options();
        try (StopSignal stop = StopSignal.onShutdown()) {
            WatchPrinter printer = new WatchPrinter(out(), tags, tagTexts, stop);
            try (Connection c = connect(uri)) {
                Subscription subscription = c.session().subscribe(tags, options, printer);
                try {
                    stop.await(duration);
                } finally {
                    subscription.close(); // before the session, so no event arrives after the last line
                }
            }
            printer.rethrowFailure();
            return printer.sawNotGood() ? ExitCode.NOT_GOOD : ExitCode.OK;
        }
    }

    private SubscriptionOptions options() {
        try {
            return SubscriptionOptions.every(interval).changesOnly(!all).deadband(deadband());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Deadband deadband() {
        if (deadband == null) {
            return Deadband.none();
        }
        String text = deadband.strip();
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1).strip() : text;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new UsageException("--deadband '" + deadband + "' is not a number: expected e.g. 0.5 or 2%");
        }
        return percent ? Deadband.percent(value) : Deadband.absolute(value);
    }
}
