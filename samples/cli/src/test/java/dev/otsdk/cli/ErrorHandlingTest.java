package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.cli.fake.FakeDevice;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void anUnknownSchemeIsAUsageErrorListingTheKnownOnes() {
        Cli.Run run = Cli.run("read", "nope://plc", "v:x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("otsdk: no driver for scheme 'nope' in nope://plc: known schemes are fake");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownUriOptionIsAUsageError() {
        Cli.Run run = Cli.run("read", "fake://plc?unti=1", "v:x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option 'unti'").contains("did you mean 'unit'?");
    }

    @Test
    void aMalformedTagIsAUsageErrorShowingThePosition() {
        Cli.Run syntax = Cli.run("read", "fake://plc", "v:x:int16[");
        Cli.Run address = Cli.run("read", "fake://plc", "v:a-b");

        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).startsWith("otsdk: invalid tag 'v:x:int16[' at position");
        assertThat(address.exitCode()).isEqualTo(2);
        assertThat(address.err()).startsWith("otsdk: invalid tag 'v:a-b' at position 3: expected a letter, digit")
                .contains("     ^"); // the caret under the '-'
    }

    @Test
    void connectionFailuresExitWithThree() {
        FakeDevice.named("down").failConnect(new ConnectionException("connection refused: down:4711",
                new ConnectException("Connection refused")));
        FakeDevice.named("tls").failConnect(new OtSecurityException(OtSecurityException.Reason.CERTIFICATE_REJECTED,
                "server certificate not trusted", null));
        FakeDevice.named("slow").failConnect(new OtTimeoutException("connect to fake://slow", Duration.ofSeconds(1)));

        for (String host : new String[] {"down", "tls", "slow"}) {
            Cli.Run run = Cli.run("read", "fake://" + host, "v:x");
            assertThat(run.exitCode()).as(host).isEqualTo(3);
            assertThat(run.out()).isEmpty();
        }
        assertThat(Cli.run("info", "fake://down").err()).isEqualTo("otsdk: connection refused: down:4711"
                + System.lineSeparator());
    }

    @Test
    void verboseShowsTheStackTrace() {
        FakeDevice.named("down").failConnect(new ConnectionException("connection refused", null));

        Cli.Run quiet = Cli.run("read", "fake://down", "v:x");
        Cli.Run verbose = Cli.run("read", "-v", "fake://down", "v:x");
        Cli.Run verboseFirst = Cli.run("--verbose", "read", "fake://down", "v:x");

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.err()).startsWith("otsdk: connection refused").contains("\tat ");
        assertThat(verboseFirst.err()).contains("\tat ");
    }

    @Test
    void theTimeoutOptionSetsTheRequestTimeoutButTheUriWins() {
        FakeDevice.named("plc").set("x", 1);

        Cli.run("read", "--timeout", "1500ms", "fake://plc", "v:x");
        assertThat(FakeDevice.named("plc").lastRequestTimeout()).isEqualTo(Duration.ofMillis(1500));

        Cli.run("--timeout", "2s", "read", "fake://plc", "v:x");
        assertThat(FakeDevice.named("plc").lastRequestTimeout()).isEqualTo(Duration.ofSeconds(2));

        Cli.run("read", "--timeout", "1s", "fake://plc?timeout=3s", "v:x");
        assertThat(FakeDevice.named("plc").lastRequestTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badArgumentsAreUsageErrorsWithAHint() {
        Cli.Run unknownOption = Cli.run("read", "--bogus", "fake://plc", "v:x");
        Cli.Run missingTag = Cli.run("read", "fake://plc");
        Cli.Run unknownCommand = Cli.run("wrte", "fake://plc", "v:x=1");
        Cli.Run noCommand = Cli.run();

        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("otsdk: Unknown option: '--bogus'")
                .contains("Try 'otsdk read --help' for more information.");
        assertThat(missingTag.exitCode()).isEqualTo(2);
        assertThat(missingTag.err()).contains("Missing required parameter");
        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.err()).startsWith("otsdk: unknown command 'wrte'; commands are read, write,")
                .contains("Did you mean: otsdk write");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).startsWith("otsdk: missing command: choose one of read, write, watch");
    }

    @Test
    void helpAndVersionSucceed() {
        Cli.Run help = Cli.run("--help");
        Cli.Run writeHelp = Cli.run("write", "--help");
        Cli.Run version = Cli.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("read", "write", "watch", "browse", "info", "emulate", "bench", "demo",
                "Exit codes:");
        assertThat(writeHelp.exitCode()).isZero();
        assertThat(writeHelp.out()).contains("split at its LAST '='").contains("ns=2;s=Temp=21.5   writes 21.5");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("otsdk 0.1.0-SNAPSHOT");
    }
}
