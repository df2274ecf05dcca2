package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.api.OtClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulateAndDemoCommandTest {

    @Test
    void emulatingAnUnknownProtocolIsAUsageErrorListingTheBundledEmulators() {
        Cli.Run run = Cli.run("emulate", "profinet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("otsdk: no emulator named 'profinet'; available emulators: ")
                .contains("modbus (Modbus TCP").contains("opcua (OPC UA server");
    }

    @Test
    void emulateStartsTheEmulatorPrintsItsUriFirstAndClosesItWhenDone() {
        FakeEmulatorFactory factory = new FakeEmulatorFactory();

        Cli.Run run = Cli.runCommand(new EmulateCommand(() -> new Emulators(List.of(factory))),
                "fake", "--port", "5020", "--option", "unit=3", "--option", "mode=slow", "--duration", "50ms");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("fake://127.0.0.1:5020" + System.lineSeparator());
        assertThat(run.err()).startsWith("otsdk: fake emulator listening on fake://127.0.0.1:5020 for 50ms");
        assertThat(factory.created).singleElement().satisfies(e -> {
            assertThat(e.requestedPort).isEqualTo(5020);
            assertThat(e.options).containsExactly(Map.entry("unit", "3"), Map.entry("mode", "slow"));
            assertThat(e.started).isTrue();
            assertThat(e.isRunning()).isFalse();
        });
    }

    @Test
    void emulateListsTheAvailableEmulatorsForAnUnknownName() {
        Cli.Run run = Cli.runCommand(new EmulateCommand(() -> new Emulators(List.of(new FakeEmulatorFactory()))),
                "s7");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("otsdk: no emulator named 's7'; available emulators: fake (an emulator"
                + " that serves nothing)");
    }

    @Test
    void demoWithoutSectionsSaysSoAndSucceeds() {
        Cli.Run run = Cli.runCommand(new DemoCommand(List.of()));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("otsdk demo: no protocol modules are bundled yet");
    }

    @Test
    void demoRunsTheAvailableSectionsInOrderWithOneClient() {
        List<OtClient> clients = new ArrayList<>();
        DemoSection first = section("First", true, clients);
        DemoSection missing = section("Missing", false, clients);
        DemoSection second = section("Second", true, clients);

        Cli.Run run = Cli.runCommand(new DemoCommand(List.of(first, missing, second)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("== First ==", "First ran", "", "== Second ==", "Second ran");
        assertThat(clients).hasSize(2).containsOnly(clients.get(0));
    }

    private static DemoSection section(String name, boolean available, List<OtClient> clients) {
        return new DemoSection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean available() {
                return available;
            }

            @Override
            public void run(OtClient client, PrintWriter out) {
                clients.add(client);
                out.println(name + " ran");
            }
        };
    }
}
