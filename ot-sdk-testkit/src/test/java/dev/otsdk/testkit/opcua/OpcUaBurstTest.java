package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaEmulator.MonitoredItem;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code burst(...)} and {@code monitoredItems()}, seen through the publishes Milo's client receives: a
 * burst reaches a client in one publish, and a queue smaller than the burst overflows as OPC UA says.
 */
@EmulatorTest
class OpcUaBurstTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Granted", OpcUaType.INT32, 0)
            .variable("Queue5", OpcUaType.INT32, 0)
            .variable("Queue2DiscardOldest", OpcUaType.INT32, 0)
            .variable("Queue2DiscardNewest", OpcUaType.INT32, 0)
            .variable("Queue1", OpcUaType.INT32, 0)
            .variable("Idle", OpcUaType.INT32, 0)
            .build();

    static OpcUaClient milo;

    @BeforeAll
    static void connect() throws UaException {
        milo = MiloClients.connect(PLC.uri());
    }

    @AfterAll
    static void disconnect() {
        MiloClients.disconnect(milo);
    }

    /** One subscription with one item; records the values of each publish separately. */
    static final class Monitored implements AutoCloseable, OpcUaSubscription.SubscriptionListener {
        final OpcUaSubscription subscription = new OpcUaSubscription(milo, 50.0);
        final List<List<DataValue>> publishes = new CopyOnWriteArrayList<>();

        Monitored(String path, int queueSize, boolean discardOldest) throws UaException {
            PLC.set(path, 0);
            subscription.setSubscriptionListener(this);
            subscription.create();
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(PLC.nodeId(path)));
            item.setSamplingInterval(10.0);
            item.setQueueSize(uint(queueSize));
            item.setDiscardOldest(discardOldest);
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();
            publishWith(0); // the current value: the queue is empty again
        }

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            publishes.add(List.copyOf(values));
        }

        /** Waits for the publish holding {@code last} and returns it. */
        List<DataValue> publishWith(int last) {
            return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> publishes.stream().filter(p -> p.stream().anyMatch(v -> value(v) == last))
                            .findFirst().orElse(null), p -> p != null);
        }

        @Override
        public void close() throws UaException {
            subscription.delete();
        }
    }

    static int value(DataValue v) {
        return (Integer) v.getValue().getValue();
    }

    static List<Integer> values(List<DataValue> publish) {
        return publish.stream().map(OpcUaBurstTest::value).toList();
    }

    @Test
    void monitoredItemsShowWhatTheServerGranted() throws UaException {
        try (Monitored m = new Monitored("Granted", 4, false)) {
            assertThat(PLC.monitoredItems()).filteredOn(i -> i.path().equals("Granted"))
                    .containsExactly(new MonitoredItem("Granted", Duration.ofMillis(10), 4, false));
            assertThat(m.subscription.getMonitoredItems().get(0).getRevisedQueueSize()).contains(uint(4));
        }
        assertThat(PLC.monitoredItems()).noneMatch(i -> i.path().equals("Granted"));
    }

    @Test
    void aBurstReachesTheClientInOnePublish() throws UaException {
        try (Monitored m = new Monitored("Queue5", 5, true)) {
            PLC.burst("Queue5", 1, 2, 3);

            List<DataValue> publish = m.publishWith(3);
            assertThat(values(publish)).containsExactly(1, 2, 3);
            assertThat(publish).noneMatch(v -> v.getStatusCode().isOverflowSet());
            assertThat(PLC.value("Queue5")).isEqualTo(3);
        }
    }

    @Test
    void aFullQueueThatDiscardsTheOldestKeepsTheNewestAndSetsOverflow() throws UaException {
        try (Monitored m = new Monitored("Queue2DiscardOldest", 2, true)) {
            PLC.burst("Queue2DiscardOldest", 1, 2, 3, 4, 5);

            List<DataValue> publish = m.publishWith(5);
            assertThat(values(publish)).containsExactly(4, 5);
            assertThat(publish).anyMatch(v -> v.getStatusCode().isOverflowSet());
            assertThat(publish).allMatch(v -> v.getStatusCode().isGood());
        }
    }

    @Test
    void aFullQueueThatDiscardsTheNewestReplacesItsLastValueAndSetsOverflow() throws UaException {
        try (Monitored m = new Monitored("Queue2DiscardNewest", 2, false)) {
            PLC.burst("Queue2DiscardNewest", 1, 2, 3, 4, 5);

            List<DataValue> publish = m.publishWith(5);
            assertThat(values(publish)).containsExactly(1, 5);
            assertThat(publish.get(1).getStatusCode().isOverflowSet()).isTrue();
        }
    }

    @Test
    void aQueueOfOneKeepsOnlyTheLatestValueWithoutOverflow() throws UaException {
        try (Monitored m = new Monitored("Queue1", 1, true)) {
            PLC.burst("Queue1", 1, 2, 3, 4, 5);

            List<DataValue> publish = m.publishWith(5);
            assertThat(values(publish)).containsExactly(5);
            assertThat(publish.get(0).getStatusCode().isOverflowSet()).isFalse();
            assertThat(m.publishes).flatMap(p -> values(p)).doesNotContain(1, 2, 3, 4);
        }
    }

    @Test
    void aBurstWithoutSubscribersJustSetsTheLastValue() throws UaException {
        PLC.burst("Idle", 7, 8);

        assertThat(MiloClients.readValue(milo, PLC.nodeId("Idle")).getValue().getValue()).isEqualTo(8);
        assertThat(PLC.value("Idle")).isEqualTo(8);
        assertThatThrownBy(() -> PLC.burst("Idle")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PLC.burst("Idle", 1, "two")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PLC.value("Idle")).isEqualTo(8);
    }
}
