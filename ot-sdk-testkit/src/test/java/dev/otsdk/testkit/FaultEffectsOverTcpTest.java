package dev.otsdk.testkit;

import static dev.otsdk.testkit.FaultPoint.BEFORE_REPLY;
import static dev.otsdk.testkit.FaultPoint.ON_CONNECT;
import static dev.otsdk.testkit.FaultPoint.ON_REPLY_WRITE;
import static dev.otsdk.testkit.FaultPoint.ON_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.testkit.internal.FaultEffects;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults as a client sees them over real TCP: a {@link LineEmulator} on port 0, started by the
 * extension, and a plain blocking socket.
 */
@EmulatorTest
class FaultEffectsOverTcpTest {

    private static final Duration DELAY = Duration.ofMillis(400);
    /** How long "nothing happens" is watched for. */
    private static final Duration QUIET = Duration.ofMillis(300);

    @StartStop
    final LineEmulator emulator = new LineEmulator();

    private LineClient client;

    @AfterEach
    void disconnect() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void withoutFaultsEveryRequestIsAnswered() throws IOException {
        connect().send("ping");

        eventually().until(() -> client.text().equals("echo:ping\n"));
        assertThat(emulator.uri()).isEqualTo("line://127.0.0.1:" + emulator.port());
    }

    @Test
    void delayedRepliesArriveLater() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, Fault.delay(DELAY));
        connect().send("ping");

        await().atLeast(DELAY.minusMillis(100)).atMost(Duration.ofSeconds(10))
                .until(() -> client.text().equals("echo:ping\n"));
        assertThat(emulator.processed()).containsExactly("ping");
    }

    @Test
    void aStalledReplyNeverComesButTheConnectionStaysUsable() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, request -> request.equals("first"), Fault.stall());
        connect().send("first");

        eventually().until(() -> emulator.processed().contains("first"));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> client.bytes().length == 0);

        client.send("second");
        eventually().until(() -> client.text().equals("echo:second\n"));
        assertThat(client.isEndOfStream()).isFalse();
    }

    @Test
    void aDroppedReplyEndsTheStreamWithNoBytes() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, Fault.drop());
        connect().send("write 7");

        eventually().until(client::isEndOfStream);
        assertThat(client.bytes()).isEmpty();
        assertThat(emulator.processed()).as("the request took effect, its reply was lost").containsExactly("write 7");
    }

    @Test
    void dropMidFrameDeliversExactlyThePrefixThenEndOfStream() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, Fault.dropMidFrame(3));
        connect().send("ping");

        eventually().until(client::isEndOfStream);
        assertThat(client.text()).isEqualTo("ech");
    }

    @Test
    void resetIsSeenAsAConnectionReset() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, Fault.reset());
        connect().send("ping");

        eventually().until(() -> client.failure() != null);
        assertThat(client.failure()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(client.bytes()).isEmpty();
    }

    @Test
    void splitWritesArriveCompleteAndInOrder() throws IOException {
        emulator.faults().once(ON_REPLY_WRITE, Fault.splitWrites(Duration.ofMillis(20), 1, 2, 3));
        connect().send("fragmented");

        eventually().until(() -> client.text().equals("echo:fragmented\n"));
    }

    @Test
    void malformedAndReplacedRepliesAreSentInstead() throws IOException {
        emulator.faults().once(BEFORE_REPLY, Fault.corruptByte(0));
        emulator.faults().once(BEFORE_REPLY, Fault.replaceReply("??\n".getBytes(StandardCharsets.US_ASCII)));
        connect().send("a");
        client.send("b");

        eventually().until(() -> client.bytes().length == 10);
        byte[] expected = "_cho:a\n??\n".getBytes(StandardCharsets.ISO_8859_1);
        expected[0] = (byte) ~'e';
        assertThat(client.bytes()).containsExactly(expected);
    }

    @Test
    void contentAndTransportRulesActOnTheSameReply() throws IOException {
        emulator.faults().once(BEFORE_REPLY, Fault.truncate(4));
        emulator.faults().once(ON_REPLY_WRITE, Fault.dropMidFrame(2));
        connect().send("ping");

        eventually().until(client::isEndOfStream);
        assertThat(client.text()).isEqualTo("ec");
    }

    @Test
    void aProtocolFaultBeforeProcessingLeavesTheStateAlone() throws IOException {
        emulator.faults().once(ON_REQUEST, new LineEmulator.ErrorReply("busy"));
        connect().send("write 1");

        eventually().until(() -> client.text().equals("error:busy\n"));
        assertThat(emulator.received()).containsExactly("write 1");
        assertThat(emulator.processed()).isEmpty();
    }

    @Test
    void aProtocolFaultAfterProcessingKeepsTheChange() throws IOException {
        emulator.faults().once(BEFORE_REPLY, new LineEmulator.ErrorReply("late"));
        connect().send("write 1");

        eventually().until(() -> client.text().equals("error:late\n"));
        assertThat(emulator.processed()).containsExactly("write 1");
    }

    @Test
    void aStalledRequestIsNeverProcessed() throws IOException {
        emulator.faults().once(ON_REQUEST, Fault.stall());
        connect().send("write 1");

        eventually().until(() -> emulator.received().contains("write 1"));
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> emulator.processed().isEmpty() && client.bytes().length == 0);
    }

    @Test
    void aDelayedRequestIsProcessedLater() throws IOException {
        emulator.faults().once(ON_REQUEST, Fault.delay(DELAY));
        connect().send("write 1");

        eventually().until(() -> emulator.received().contains("write 1"));
        assertThat(emulator.processed()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.text().equals("echo:write 1\n"));
        assertThat(emulator.processed()).containsExactly("write 1");
    }

    @Test
    void aDelayedConnectionReadsNothingUntilTheDelayIsOver() throws IOException {
        emulator.faults().once(ON_CONNECT, Fault.delay(DELAY));
        connect().send("ping");

        await().atLeast(DELAY.minusMillis(100)).atMost(Duration.ofSeconds(10))
                .until(() -> !emulator.received().isEmpty());
        eventually().until(() -> client.text().equals("echo:ping\n"));
    }

    @Test
    void aStalledConnectionStaysOpenAndReadsNothing() throws IOException {
        emulator.faults().once(ON_CONNECT, Fault.stall());
        connect().send("ping");

        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> emulator.received().isEmpty()
                && client.bytes().length == 0 && !client.isEndOfStream() && client.failure() == null);
    }

    @Test
    void connectionsCanBeDroppedOrResetRightAway() throws IOException {
        emulator.faults().once(ON_CONNECT, Fault.drop());
        emulator.faults().once(ON_CONNECT, Fault.reset());

        try (LineClient dropped = new LineClient(emulator.port())) {
            eventually().until(dropped::isEndOfStream);
        }
        try (LineClient reset = new LineClient(emulator.port())) {
            eventually().until(() -> reset.failure() != null);
            assertThat(reset.failure()).hasMessageContaining("reset");
        }
        assertThat(emulator.received()).isEmpty();
    }

    private LineClient connect() throws IOException {
        client = new LineClient(emulator.port());
        return client;
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(10));
    }
}
