package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Gap;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.StateChange;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Milo recovers the session; the SDK reports it and re-creates what the server lost. */
@EmulatorTest
class ReconnectTest {

    @StartStop
    final OpcUaEmulator plc = OpcUaEmulator.builder().variable("A", OpcUaType.INT32, 1).build();

    OtClient client;
    final List<StateChange> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        client = OtClient.create();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    Session connect(ReconnectPolicy policy) {
        return client.connect(plc.uri() + "?securityPolicy=None&keepAlive=300ms&timeout=1s",
                OpcUaTesting.options(OpcUaTesting.tempPki()).requestTimeout(Duration.ofSeconds(1))
                        .reconnect(policy).stateListener(states::add).build());
    }

    Session connect() {
        return connect(ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    Tag<Integer> a() {
        return Tag.of(plc.nodeId("A"), DataType.INT32);
    }

    static final SubscriptionOptions FAST = SubscriptionOptions.every(Duration.ofMillis(20))
            .publishingInterval(Duration.ofMillis(50));

    @Test
    void subscriptionIsRestoredAfterTheServerRestartsWithAGap() {
        Session s = connect();
        Recorder r = new Recorder();
        Subscription sub = s.subscribe(List.of(a()), FAST, r);
        await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(a().address()).contains(1));

        plc.restart();

        await().atMost(Duration.ofSeconds(20)).until(() -> r.gaps.stream()
                .anyMatch(g -> g.reason() == Gap.Reason.SUBSCRIPTION_RECREATED));
        await().atMost(Duration.ofSeconds(20)).until(() -> s.state() == SessionState.CONNECTED);
        assertThat(states).anyMatch(c -> c.current() == SessionState.RECONNECTING);
        Gap gap = r.gaps.stream().filter(g -> g.reason() == Gap.Reason.SUBSCRIPTION_RECREATED).findFirst()
                .orElseThrow();
        assertThat(gap.from()).isBeforeOrEqualTo(gap.to());
        plc.set("A", 99);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.valuesOf(a().address()).contains(99));
        assertThat(sub.isActive()).isTrue();
        assertThat(s.read(a()).value()).isEqualTo(99);
    }

    @Test
    void subscriptionIsRecreatedWhenTheServerClosesTheSession() {
        Session s = connect();
        Recorder r = new Recorder();
        s.subscribe(List.of(a()), FAST, r);
        await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(a().address()).contains(1));

        plc.closeAllSessions();

        await().atMost(Duration.ofSeconds(20)).until(() -> r.gaps.stream()
                .anyMatch(g -> g.reason() == Gap.Reason.SUBSCRIPTION_RECREATED));
        plc.set("A", 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.valuesOf(a().address()).contains(5));
    }

    @Test
    void aServerThatStopsAnsweringInterruptsTheSessionUntilItAnswersAgain() {
        Session s = connect();
        Recorder r = new Recorder();
        s.subscribe(List.of(a()), FAST, r);
        await().atMost(Duration.ofSeconds(5)).until(() -> r.valuesOf(a().address()).contains(1));

        plc.stopAnswering();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == SessionState.RECONNECTING);
        plc.resumeAnswering();

        await().atMost(Duration.ofSeconds(30)).until(() -> s.state() == SessionState.CONNECTED);
        plc.set("A", 7);
        await().atMost(Duration.ofSeconds(10)).until(() -> r.valuesOf(a().address()).contains(7));
        assertThat(s.read(a()).value()).isEqualTo(7);
    }

    @Test
    void connectingToAServerThatDoesNotAnswerTimesOut() {
        plc.stopAnswering();
        try {
            long t0 = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.connect(plc.uri() + "?securityPolicy=None",
                    OpcUaTesting.options(OpcUaTesting.tempPki()).connectTimeout(Duration.ofSeconds(1)).build()))
                    .isInstanceOf(dev.otsdk.api.OtException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            plc.resumeAnswering();
        }
    }

    @Test
    void withoutReconnectTheSessionClosesWhenTheConnectionIsLost() {
        Session s = connect(ReconnectPolicy.disabled());
        plc.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.state() == SessionState.CLOSED);
    }
}
