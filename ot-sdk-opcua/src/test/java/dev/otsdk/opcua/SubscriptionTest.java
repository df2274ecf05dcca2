package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Quality;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EmulatorTest
class SubscriptionTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("A", OpcUaType.DOUBLE, 10.0)
            .variable("Barrier", OpcUaType.INT32, 0)
            .analog("Level", 50.0, 0.0, 100.0)
            .variable("Text", OpcUaType.STRING, "x")
            .variable("Other", OpcUaType.INT32, 0)
            .variable("Mismatch", OpcUaType.STRING, "not a number")
            .build();

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

    static final SubscriptionOptions FAST = SubscriptionOptions.every(Duration.ofMillis(20))
            .publishingInterval(Duration.ofMillis(20));

    /**
     * Sets the barrier and waits for its notification from a subscription without deadband. The server
     * samples all items of one sampling interval together, so every change made before it has been
     * sampled; a notification wrongly let through would arrive before the next value of its own item.
     */
    static void barrier(int n) {
        Tag<Integer> b = Tag.of(PLC.nodeId("Barrier"), DataType.INT32);
        Recorder r = new Recorder();
        try (Subscription s = session.subscribe(List.of(b), FAST, r)) {
            assertThat(s.isActive()).isTrue();
            PLC.set("Barrier", n);
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(b.address()).contains(n));
        }
    }

    @Test
    void absoluteDeadbandSuppressesSmallChanges() {
        Tag<Double> a = Tag.of(PLC.nodeId("A"), DataType.FLOAT64);
        PLC.set("A", 10.0);
        Recorder r = new Recorder();
        try (Subscription s = session.subscribe(List.of(a), FAST.deadband(Deadband.absolute(1.0)), r)) {
            assertThat(s.isActive()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(a.address()).contains(10.0));
            PLC.set("A", 10.5);
            barrier(1);
            PLC.set("A", 12.0);
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(a.address()).contains(12.0));
            assertThat(r.valuesOf(a.address())).containsExactly(10.0, 12.0);
            assertThat(r.values).allMatch(v -> v.quality() == Quality.GOOD && v.sourceTime().isPresent());
        }
    }

    @Test
    void percentDeadbandUsesTheEngineeringRange() {
        Tag<Double> level = Tag.of(PLC.nodeId("Level"), DataType.FLOAT64);
        PLC.set("Level", 50.0);
        Recorder r = new Recorder();
        try (Subscription s = session.subscribe(List.of(level), FAST.deadband(Deadband.percent(10)), r)) {
            assertThat(s.isActive()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(level.address()).contains(50.0));
            PLC.set("Level", 55.0);
            barrier(2);
            PLC.set("Level", 65.0);
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(level.address()).contains(65.0));
            assertThat(r.valuesOf(level.address())).containsExactly(50.0, 65.0);
        }
    }

    @Test
    void deadbandOnAutoTagsOfNonNumericVariablesReportsEveryChange() {
        Tag<Object> text = Tag.of(PLC.nodeId("Text"));
        Recorder r = new Recorder();
        try (Subscription s = session.subscribe(List.of(text), FAST.deadband(Deadband.absolute(5)), r)) {
            assertThat(s.isActive()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(text.address()).contains("x"));
            PLC.set("Text", "y");
            await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(text.address()).contains("y"));
        }
    }

    @Test
    void itemsTheServerRefusesAndTypeMismatchesArriveAsBadValues() {
        Tag<Double> missing = Tag.of("ns=2;s=Nope", DataType.FLOAT64);
        Tag<Double> mismatch = Tag.of(PLC.nodeId("Mismatch"), DataType.FLOAT64);
        Recorder r = new Recorder();
        try (Subscription s = session.subscribe(List.of(missing, mismatch), FAST, r)) {
            assertThat(s.isActive()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> r.values.size() >= 2);
            assertThat(r.values).allMatch(v -> v.quality() == Quality.BAD);
            assertThat(r.values).anyMatch(v -> v.tag().equals(missing)
                    && v.status().name().equals("Bad_NodeIdUnknown"));
            assertThat(r.values).anyMatch(v -> v.tag().equals(mismatch)
                    && v.status().name().equals("Bad_TypeMismatch") && v.status().description().contains("String"));
        }
    }

    @Test
    void listenersRunOnCallbackThreadsAndASlowOneDoesNotStallOthers() throws InterruptedException {
        Tag<Integer> other = Tag.of(PLC.nodeId("Other"), DataType.INT32);
        CountDownLatch release = new CountDownLatch(1);
        Recorder fast = new Recorder();
        Recorder blocked = new Recorder() {
            @Override
            public void onValue(dev.otsdk.api.TagValue<?> value) {
                super.onValue(value);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (Subscription slow = session.subscribe(List.of(other), FAST, blocked);
                Subscription quick = session.subscribe(List.of(other), FAST, fast)) {
            assertThat(slow.isActive() && quick.isActive()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> blocked.values.size() == 1);
            for (int i = 1; i <= 3; i++) {
                int n = i;
                PLC.set("Other", n);
                await().atMost(Duration.ofSeconds(5)).until(() -> fast.valuesOf(other.address()).contains(n));
            }
            assertThat(blocked.values).hasSize(1);
            assertThat(fast.threads).allMatch(t -> t.startsWith("otsdk-callback"));
        } finally {
            release.countDown();
        }
    }
}
