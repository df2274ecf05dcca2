package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Gap;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Quality;
import dev.otsdk.api.Session;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaEmulator.MonitoredItem;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code queueSize} and {@code discardOldest} reach the server's monitored item, and the server's queue
 * behaves accordingly: the emulator's burst changes a variable several times before one sample, so the
 * outcome does not depend on timing.
 */
@EmulatorTest
class SubscriptionQueueTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Granted", OpcUaType.INT32, 0)
            .variable("Defaults", OpcUaType.INT32, 0)
            .variable("Large", OpcUaType.INT32, 0)
            .variable("Single", OpcUaType.INT32, 0)
            .variable("OverflowOldest", OpcUaType.INT32, 0)
            .variable("OverflowNewest", OpcUaType.INT32, 0)
            .build();

    /** Sampling much faster than publishing: the queue holds what was sampled between two publishes. */
    static final SubscriptionOptions SAMPLE_FAST_PUBLISH_SLOW = SubscriptionOptions.every(Duration.ofMillis(10))
            .publishingInterval(Duration.ofMillis(100));

    static OtClient client;
    static Session session;

    @BeforeAll
    static void connect() {
        client = OtClient.create();
        session = OpcUaTesting.plain(client, PLC.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
    }

    static Tag<Integer> tag(String path) {
        return Tag.of(PLC.nodeId(path), DataType.INT32);
    }

    /** Subscribes to a variable set to 0 and waits for that first value, so the server's queue is empty. */
    static Subscription subscribe(String path, SubscriptionOptions options, Recorder r) {
        PLC.set(path, 0);
        Subscription s = session.subscribe(List.of(tag(path)), options, r);
        soon().until(() -> r.valuesOf(tag(path).address()).contains(0));
        return s;
    }

    static List<MonitoredItem> itemsOn(String path) {
        return PLC.monitoredItems().stream().filter(i -> i.path().equals(path)).toList();
    }

    @Test
    void queueSizeAndDiscardOldestReachTheMonitoredItem() {
        Recorder granted = new Recorder();
        Recorder defaults = new Recorder();
        try (Subscription a = subscribe("Granted", SAMPLE_FAST_PUBLISH_SLOW.queueSize(7).discardOldest(false), granted);
                Subscription b = subscribe("Defaults", SAMPLE_FAST_PUBLISH_SLOW, defaults)) {
            assertThat(a.isActive() && b.isActive()).isTrue();
            assertThat(itemsOn("Granted")).containsExactly(
                    new MonitoredItem("Granted", Duration.ofMillis(10), 7, false));
            assertThat(itemsOn("Defaults")).containsExactly(
                    new MonitoredItem("Defaults", Duration.ofMillis(10), 1, true));
        }
        soon().until(() -> itemsOn("Granted").isEmpty() && itemsOn("Defaults").isEmpty());
    }

    @Test
    void aQueueLargerThanTheChangesDeliversEveryValue() {
        Recorder r = new Recorder();
        try (Subscription s = subscribe("Large", SAMPLE_FAST_PUBLISH_SLOW.queueSize(5), r)) {
            assertThat(s.isActive()).isTrue();
            PLC.burst("Large", 1, 2, 3);

            soon().until(() -> r.valuesOf(tag("Large").address()).contains(3));
            assertThat(r.valuesOf(tag("Large").address())).containsExactly(0, 1, 2, 3);
            assertThat(r.gaps).isEmpty();
            assertThat(r.values).allMatch(v -> v.quality() == Quality.GOOD);
        }
    }

    @Test
    void aQueueOfOneDeliversOnlyTheLatestValueAndNoGap() {
        Recorder r = new Recorder();
        try (Subscription s = subscribe("Single", SAMPLE_FAST_PUBLISH_SLOW.queueSize(1), r)) {
            assertThat(s.isActive()).isTrue();
            PLC.burst("Single", 1, 2, 3, 4, 5);

            soon().until(() -> r.valuesOf(tag("Single").address()).contains(5));
            assertThat(r.valuesOf(tag("Single").address())).containsExactly(0, 5);
            assertThat(r.gaps).isEmpty();
        }
    }

    @Test
    void anOverflowDiscardingTheOldestIsReportedAsADeviceQueueOverflowGap() {
        Recorder r = new Recorder();
        try (Subscription s = subscribe("OverflowOldest", SAMPLE_FAST_PUBLISH_SLOW.queueSize(2).discardOldest(true),
                r)) {
            assertThat(s.isActive()).isTrue();
            PLC.burst("OverflowOldest", 1, 2, 3, 4, 5);

            soon().until(() -> r.valuesOf(tag("OverflowOldest").address()).contains(5));
            assertThat(r.valuesOf(tag("OverflowOldest").address())).containsExactly(0, 4, 5);
            assertOverflowGaps(r, "OverflowOldest");
        }
    }

    @Test
    void anOverflowDiscardingTheNewestKeepsTheFirstValuesAndReportsAGap() {
        Recorder r = new Recorder();
        try (Subscription s = subscribe("OverflowNewest", SAMPLE_FAST_PUBLISH_SLOW.queueSize(2).discardOldest(false),
                r)) {
            assertThat(s.isActive()).isTrue();
            PLC.burst("OverflowNewest", 1, 2, 3, 4, 5);

            soon().until(() -> r.valuesOf(tag("OverflowNewest").address()).contains(5));
            assertThat(r.valuesOf(tag("OverflowNewest").address())).containsExactly(0, 1, 5);
            assertOverflowGaps(r, "OverflowNewest");
        }
    }

    private static void assertOverflowGaps(Recorder r, String path) {
        assertThat(r.gaps).isNotEmpty().allSatisfy(g -> {
            assertThat(g.reason()).isEqualTo(Gap.Reason.DEVICE_QUEUE_OVERFLOW);
            assertThat(g.detail()).contains(PLC.nodeId(path)).contains("queueSize 2");
            assertThat(g.from()).isBeforeOrEqualTo(g.to());
        });
        assertThat(r.values).allMatch(v -> v.quality() == Quality.GOOD);
        assertThat(r.errors).isEmpty();
    }
}
