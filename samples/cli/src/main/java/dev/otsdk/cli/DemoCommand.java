package dev.otsdk.cli;

import dev.otsdk.api.OtClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code otsdk demo}: the SDK at work against in-process emulators, narrated for people. */
@Command(name = "demo",
        header = "Show the SDK at work against in-process emulators.",
        description = {
            "Starts in-process emulators of every bundled protocol, connects to them, reads, writes and"
                    + " subscribes, and tells what happens. Needs no device and no network."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.LIST_OK, ExitCode.LIST_NOT_GOOD, ExitCode.LIST_USAGE, ExitCode.LIST_CONNECTION})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    private final List<DemoSection> sections;

    @Spec
    private CommandSpec spec;

    /** The tool's demo, with {@link DemoSections#all()}. */
    DemoCommand() {
        this(DemoSections.all());
    }

    /** @param sections the sections to consider, in order (tests give their own) */
    DemoCommand(List<DemoSection> sections) {
        this.sections = List.copyOf(sections);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DemoSection> runnable = sections.stream().filter(DemoSection::available).toList();
        if (runnable.isEmpty()) {
            out.println("otsdk demo: no protocol modules are bundled yet, so there is nothing to demonstrate.");
            out.println("The demo shows Modbus, OPC UA and S7 against in-process emulators once those modules"
                    + " are part of otsdk.");
            out.flush();
            return ExitCode.OK;
        }
        try (OtClient client = OtClient.create()) {
            for (DemoSection section : runnable) {
                out.println("== " + section.name() + " ==");
                out.flush();
                section.run(client, out);
                out.println();
                out.flush();
            }
        }
        return ExitCode.OK;
    }
}
