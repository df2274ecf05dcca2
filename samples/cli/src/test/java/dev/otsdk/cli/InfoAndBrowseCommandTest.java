package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.cli.fake.FakeDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InfoAndBrowseCommandTest {

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void infoPrintsTheDeviceIdentityAsOneObject() {
        Cli.Run run = Cli.run("info", "fake://plc");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("{\"protocol\":\"Fake\",\"vendor\":\"OT SDK\",\"product\":\"Fake device\","
                + "\"version\":\"1.0\",\"properties\":{\"serial\":\"42\"},\"capabilities\":[\"DEVICE_INFO\"]}");
    }

    @Test
    void browsingAProtocolThatCannotIsAUsageError() {
        Cli.Run run = Cli.run("browse", "fake://plc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("otsdk: Fake does not support browsing" + System.lineSeparator());
    }
}
