package dev.otsdk.cli;

import dev.otsdk.api.Durations;
import dev.otsdk.testkit.Emulator;
import dev.otsdk.testkit.EmulatorFactory;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otsdk emulate <protocol>}: runs a protocol emulator until Ctrl-C; its URI is the first line. */
@Command(name = "emulate",
        header = "Run a protocol emulator until Ctrl-C; its URI is the first line.",
        description = {
            "The testkit's emulators, for test suites that are not written in Java.",
            "The first line on stdout is the URI to connect to, alone; everything else goes to stderr. In bash:",
            "  exec 3< <(otsdk emulate modbus); read -r URI <&3; otsdk read \"$URI\" holding:0"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", ExitCode.LIST_USAGE + "; --port in use"})
final class EmulateCommand implements Callable<Integer> {

    private final Supplier<Emulators> emulators;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<protocol>", description = "The emulator, e.g. modbus, s7, opcua.")
    private String protocol;

    @Option(names = "--port", defaultValue = "0", paramLabel = "<n>",
            description = "The port to listen on (default: any free port).")
    private int port;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Stop after this long (default: until Ctrl-C); keeps a CI script from leaving it"
                    + " behind.")
    private Duration duration;

    @Option(names = "--option", paramLabel = "<key>=<value>",
            description = "A protocol-specific setting, repeatable, e.g. --option unit=1.")
    private Map<String, String> options = new LinkedHashMap<>();

    /** The tool's command, with the emulators on the class path (looked up only when it runs). */
    EmulateCommand() {
        this(Emulators::discover);
    }

    /** @param emulators where to find emulators (tests give their own) */
    EmulateCommand(Supplier<Emulators> emulators) {
        this.emulators = emulators;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0..65535, got " + port);
        }
        EmulatorFactory factory = emulators.get().require(protocol);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StopSignal stop = StopSignal.onShutdown(); Emulator emulator = create(factory)) {
            start(emulator);
            out.println(emulator.uri());
            out.flush();
            err.println("otsdk: " + factory.name() + " emulator listening on " + emulator.uri()
                    + (duration == null ? "; press Ctrl-C to stop" : " for " + Durations.format(duration)));
            err.flush();
            stop.await(duration);
        }
        return ExitCode.OK;
    }

    private void start(Emulator emulator) {
        try {
            emulator.start();
        } catch (UncheckedIOException e) {
            if (port == 0) {
                throw e;
            }
            throw new UsageException("cannot listen on port " + port + ": " + e.getMessage());
        }
    }

    private Emulator create(EmulatorFactory factory) {
        try {
            return factory.create(port, Collections.unmodifiableMap(new LinkedHashMap<>(options)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(factory.name() + " emulator: " + e.getMessage());
        }
    }
}
