package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing a session's only subscription and subscribing again at once: Milo 1.1.2's client can then
 * stop sending Publish requests (answers {@code Bad_NoSubscription} to the old ones arrive after the
 * new subscription was added), and the new subscription would hear nothing. The SDK notices the
 * silence and restarts publishing. The race is timing-dependent: before the fix about one round in
 * sixty of this loop stalled for good.
 */
@EmulatorTest
class SubscriptionChurnTest {

    static final int ROUNDS = 30;

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder().variable("A", OpcUaType.INT32, 0).build();

    @Test
    void aSubscriptionMadeRightAfterTheLastOneClosedStillReceivesValues() {
        SubscriptionOptions options = SubscriptionOptions.every(Duration.ofMillis(10))
                .publishingInterval(Duration.ofMillis(100));
        Tag<Integer> tag = Tag.of(PLC.nodeId("A"), DataType.INT32);
        try (OtClient client = OtClient.create()) {
            Session session = OpcUaTesting.plain(client, PLC.uri());
            for (int round = 0; round < ROUNDS; round++) {
                Recorder first = new Recorder();
                Subscription previous = session.subscribe(List.of(tag), options, first);
                if (round % 2 == 0) {
                    awaitFirstValue(first, round);
                }
                previous.close(); // deleted on the server while the next one is being created
                Recorder next = new Recorder();
                try (Subscription s = session.subscribe(List.of(tag), options, next)) {
                    awaitFirstValue(next, round);
                    assertThat(s.isActive()).isTrue();
                }
                assertThat(first.errors).isEmpty();
                assertThat(next.errors).isEmpty();
            }
        }
    }

    private static void awaitFirstValue(Recorder r, int round) {
        // The SDK restarts a silent subscription after about 1.2 s here; without that it waits for ever.
        await("first value in round " + round).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> !r.values.isEmpty());
    }
}
