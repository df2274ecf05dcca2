package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.Capability;
import dev.otsdk.api.Gap;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MemoryDriver driver = new MemoryDriver();
    private final MemoryDriver.Device device = driver.device("plc");
    private OtClient ot;
    private Session session;

    @BeforeEach
    void start() {
        ot = OtClient.builder().driver(driver).build();
        device.values.put("a", 1);
        session = ot.connect("mem://plc?native=true", SessionOptions.builder()
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(20))).build());
    }

    @AfterEach
    void stop() {
        ot.close();
    }

    @Test
    void usesTheDriversSubscriptionInsteadOfPolling() {
        assertThat(session.capabilities()).contains(Capability.NATIVE_SUBSCRIPTIONS);
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a")), SubscriptionOptions.every(Duration.ofMillis(10)), r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.push("a", 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(r.valuesOf("v:a")).containsExactly(1, 2));
        assertThat(device.reads).isEmpty();
    }

    @Test
    void isRecreatedOnANewConnectionAfterAGap() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a")), SubscriptionOptions.every(Duration.ofMillis(10)), r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.sinks.clear(); // the server side died with the connection
        device.drop("restart");
        await().atMost(WAIT).until(() -> session.state() == SessionState.CONNECTED && device.sinks.size() == 1);
        device.push("a", 3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(r.valuesOf("v:a")).endsWith(3));
        assertThat(r.gaps()).singleElement().extracting(Gap::reason).isEqualTo(Gap.Reason.CONNECTION_LOST);
    }

    @Test
    void aConnectionTheDriverRecoversKeepsItsSubscription() {
        Recorder r = new Recorder();
        session.subscribe(List.of(Tag.of("v:a")), SubscriptionOptions.every(Duration.ofMillis(10)), r);
        await().atMost(WAIT).until(() -> r.values().size() == 1);
        device.interrupt();
        device.resume();
        assertThat(device.sinks).hasSize(1);
        device.push("a", 4);
        await().atMost(WAIT).untilAsserted(() -> assertThat(r.valuesOf("v:a")).containsExactly(1, 4));
    }

    @Test
    void closingDeletesItOnTheDevice() {
        Recorder r = new Recorder();
        Subscription s = session.subscribe(List.of(Tag.of("v:a")), SubscriptionOptions.every(Duration.ofMillis(10)), r);
        await().atMost(WAIT).until(() -> device.sinks.size() == 1);
        s.close();
        await().atMost(WAIT).until(device.sinks::isEmpty);
    }
}
