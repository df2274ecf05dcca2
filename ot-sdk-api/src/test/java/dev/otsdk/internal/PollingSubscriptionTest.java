package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.Gap;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Quality;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollingSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SubscriptionOptions FAST = SubscriptionOptions.every(Duration.ofMillis(20));

    private final MemoryDriver driver = new MemoryDriver();
    private final MemoryDriver.Device device = driver.device("plc");
    private OtClient ot;
    private Session session;

    @BeforeEach
    void start() {
        ot = OtClient.builder().driver(driver).build();
        device.values.put("a", 1);
        device.values.put("b", 2);
        session = ot.connect("mem://plc", SessionOptions.builder()
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(20))).build());
    }

    @AfterEach
    void stop() {
        ot.close();
    }

    /** Waits until the device has served {@code n} more reads. */
    private void waitForPolls(int n) {
        int target = device.reads.size() + n;
        await().atMost(WAIT).until(() -> device.reads.size() >= target);
    }

    @Test
    void deliversCurrentValuesFirstThenOnlyChanges() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a"), Tag.of("v:b")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 2);
        waitForPolls(3);
        assertThat(r.values()).hasSize(2);
        device.values.put("a", 5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(r.valuesOf("v:a")).containsExactly(1, 5));
        assertThat(r.valuesOf("v:b")).containsExactly(2);
        assertThat(r.threads).allMatch(t -> t.startsWith("otsdk-callback"));
    }

    @Test
    void anAbsoluteDeadbandHoldsBackSmallChanges() {
        device.values.put("f", 10.0);
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:f", DataType.FLOAT64)), FAST.deadband(Deadband.absolute(0.5)), r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.values.put("f", 10.3);
        waitForPolls(3);
        device.values.put("f", 10.45);
        waitForPolls(3);
        assertThat(r.valuesOf("v:f")).containsExactly(10.0);
        device.values.put("f", 10.6);
        await().atMost(WAIT).untilAsserted(() -> assertThat(r.valuesOf("v:f")).containsExactly(10.0, 10.6));
    }

    @Test
    void everySampleIsReportedWhenChangesOnlyIsOff() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a")), FAST.changesOnly(false), r);
        await().atMost(WAIT).until(() -> r.values().size() >= 4);
        assertThat(r.valuesOf("v:a")).containsOnly(1);
    }

    @Test
    void aQualityChangeIsAChange() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.unknown.add("a");
        await().atMost(WAIT).until(() -> r.values().size() == 2);
        assertThat(r.values().get(1).quality()).isEqualTo(Quality.BAD);
        assertThat(r.values().get(1).status()).isEqualTo(MemoryDriver.UNKNOWN_ITEM);
    }

    @Test
    void subscriptionsWithTheSameIntervalShareOneDeduplicatedRead() {
        Recorder r1 = new Recorder();
        Recorder r2 = new Recorder();
        Tag<Object> b2 = Tag.of("v:b").named("second b");
        session.subscribe(List.of(Tag.of("v:a"), Tag.of("v:b")), FAST, r1);
        session.subscribe(List.of(b2), FAST, r2);
        await().atMost(WAIT).until(() -> r1.values().size() == 2 && r2.values().size() == 1);
        waitForPolls(2);
        List<String> last = device.reads.get(device.reads.size() - 1);
        assertThat(last).containsExactlyInAnyOrder("a", "b");
        assertThat(r2.values().get(0).tag()).isEqualTo(b2);
    }

    @Test
    void afterAReconnectAGapIsReportedThenEveryCurrentValue() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a"), Tag.of("v:b")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 2);
        device.connectFailures.add(new dev.otsdk.api.ConnectionException("still down", null));
        device.drop("power cycle");
        device.values.put("a", 9);
        await().atMost(WAIT).until(() -> r.values().size() == 4);
        assertThat(r.gaps()).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(Gap.Reason.CONNECTION_LOST);
            assertThat(g.detail()).contains("power cycle");
            assertThat(g.to()).isAfterOrEqualTo(g.from());
        });
        int gapAt = r.events.indexOf(r.gaps().get(0));
        List<Object> after = r.events.subList(gapAt + 1, r.events.size()).stream()
                .map(e -> (Object) ((TagValue<?>) e).valueOrNull()).toList();
        assertThat(after).containsExactlyInAnyOrder(9, 2);
    }

    @Test
    void failedSamplesAreReportedAsAGapOnceSamplingResumes() {
        Session s = ot.connect("mem://plc?timeout=20ms");
        Recorder r = new Recorder();
        s.subscribe(List.of(Tag.of("v:a")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.stallReads = true;
        int before = device.reads.size();
        // The runtime's backstop (2 x 20ms + 1s) fails the stalled read.
        await().atMost(WAIT).until(() -> device.reads.size() > before);
        device.stallReads = false;
        await().atMost(WAIT).until(() -> !r.gaps().isEmpty());
        assertThat(r.gaps().get(0).reason()).isEqualTo(Gap.Reason.SAMPLING_FAILED);
        assertThat(s.state()).isEqualTo(SessionState.CONNECTED);
    }

    @Test
    void aPercentDeadbandCannotBePolled() {
        assertThatThrownBy(() -> session.subscribe(List.of(Tag.of("v:a")), FAST.deadband(Deadband.percent(5)),
                new Recorder())).isInstanceOf(ConfigurationException.class).hasMessageContaining("absolute");
    }

    @Test
    void closingStopsDeliveryAndPolling() {
        Recorder r = new Recorder();
        Subscription sub = session.subscribe(List.of(Tag.of("v:a")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        sub.close();
        assertThat(sub.isActive()).isFalse();
        int reads = device.reads.size();
        device.values.put("a", 7);
        await().during(Duration.ofMillis(200)).atMost(WAIT).untilAsserted(() -> {
            assertThat(r.values()).hasSize(1);
            assertThat(device.reads.size()).isLessThanOrEqualTo(reads + 1);
        });
    }

    @Test
    void aSlowListenerLosesOnlyItsOwnOldestEventsAndIsToldSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Recorder fast = new Recorder();
        Recorder slow = new Recorder() {
            @Override
            public void onValue(TagValue<?> value) {
                super.onValue(value);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        SubscriptionOptions every = FAST.changesOnly(false);
        Subscription slowSub = session.subscribe(List.of(Tag.of("v:a")), every.bufferSize(3), slow);
        session.subscribe(List.of(Tag.of("v:b")), every, fast);
        await().atMost(WAIT).until(() -> fast.values().size() >= 10);
        await().atMost(WAIT).until(() -> slowSub.droppedEvents() > 0);
        release.countDown();
        await().atMost(WAIT).until(() -> !slow.gaps().isEmpty());
        assertThat(slow.gaps().get(0).reason()).isEqualTo(Gap.Reason.BUFFER_OVERFLOW);
        assertThat(slow.gaps().get(0).droppedEvents()).isPositive();
    }

    @Test
    void aNormalSessionCloseEndsSubscriptionsWithoutError() {
        Recorder r = new Recorder();
        Subscription sub = session.subscribe(List.of(Tag.of("v:a")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        session.close();
        await().atMost(WAIT).until(() -> !sub.isActive());
        assertThat(r.errors).isEmpty();
    }

    @Test
    void whenReconnectingGivesUpSubscribersGetTheError() {
        Session s = ot.connect("mem://plc", SessionOptions.builder().reconnect(ReconnectPolicy.disabled()).build());
        Recorder r = new Recorder();
        s.subscribe(List.of(Tag.of("v:a")), FAST, r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.drop("gone for good");
        await().atMost(WAIT).until(() -> !r.errors.isEmpty());
        assertThat(r.errors.get(0)).hasMessageContaining("gone for good");
    }
}
