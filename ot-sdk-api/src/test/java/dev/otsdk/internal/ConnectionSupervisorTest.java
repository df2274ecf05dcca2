package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.StateChange;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MemoryDriver driver = new MemoryDriver();
    private final MemoryDriver.Device device = driver.device("plc");
    private final List<StateChange> changes = new CopyOnWriteArrayList<>();
    private OtClient ot;

    @BeforeEach
    void start() {
        ot = OtClient.builder().driver(driver).build();
        device.values.put("a", 1);
    }

    @AfterEach
    void stop() {
        ot.close();
    }

    private SessionOptions fastReconnect() {
        return SessionOptions.builder().stateListener(changes::add)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(40))).build();
    }

    private List<SessionState> states() {
        return changes.stream().map(StateChange::current).toList();
    }

    @Test
    void aFailedFirstConnectFailsAndClosesTheSession() {
        device.connectFailures.add(new ConnectionException("refused by test", null));
        assertThatThrownBy(() -> ot.connect("mem://plc", fastReconnect())).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("refused by test");
        assertThat(device.connects).hasValue(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(states()).containsExactly(SessionState.CONNECTING,
                SessionState.CLOSED));
        assertThat(device.sessionsClosed).hasValue(1);
    }

    @Test
    void connectingTakesNoLongerThanTheConnectTimeout() {
        device.connectNeverCompletes = true;
        assertThatThrownBy(() -> ot.connect("mem://plc?connectTimeout=100ms"))
                .isInstanceOf(OtTimeoutException.class).hasMessageContaining("connect to mem://plc")
                .hasMessageContaining("100ms");
    }

    @Test
    void listenersSeeTheWholeLifecycleInOrder() {
        Session s = ot.connect("mem://plc", fastReconnect());
        device.drop("test");
        await().atMost(WAIT).until(() -> s.state() == SessionState.CONNECTED && device.connects.get() == 2);
        s.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(states()).containsExactly(SessionState.CONNECTING,
                SessionState.CONNECTED, SessionState.RECONNECTING, SessionState.CONNECTED, SessionState.CLOSED));
        assertThat(changes.get(2).cause()).isInstanceOf(ConnectionLostException.class);
        assertThat(changes.get(4).cause()).isNull();
    }

    @Test
    void requestsInFlightFailFastWhenTheConnectionDrops() {
        device.stallReads = true;
        try (Session s = ot.connect("mem://plc?timeout=30s", fastReconnect())) {
            CompletableFuture<TagValue<Object>> f = s.readAsync(Tag.of("v:a"));
            device.drop("mid-request");
            assertThatThrownBy(() -> f.get(2, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionLostException.class);
        }
    }

    @Test
    void requestsWhileReconnectingFailFastWithTheReason() {
        SessionOptions slow = SessionOptions.builder()
                .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(30), Duration.ofSeconds(30))).build();
        try (Session s = ot.connect("mem://plc", slow)) {
            device.drop("cable pulled");
            assertThat(s.state()).isEqualTo(SessionState.RECONNECTING);
            assertThatThrownBy(() -> s.read(Tag.of("v:a"))).isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("reconnecting").hasMessageContaining("cable pulled");
        }
    }

    @Test
    void reconnectsWithBackOffUntilTheDeviceIsBack() {
        try (Session s = ot.connect("mem://plc", fastReconnect())) {
            for (int i = 0; i < 3; i++) {
                device.connectFailures.add(new ConnectionException("still down " + i, null));
            }
            device.drop("power cycle");
            await().atMost(WAIT).until(() -> s.state() == SessionState.CONNECTED && device.connects.get() == 5);
            assertThat(s.read(Tag.of("v:a")).value()).isEqualTo(1);
            await().atMost(WAIT).untilAsserted(() -> assertThat(changes).filteredOn(c -> c.cause() != null
                    && c.current() == SessionState.RECONNECTING).extracting(StateChange::attempt)
                    .containsExactly(0, 1, 2, 3));
        }
    }

    @Test
    void givesUpAfterTheAttemptLimitAndCloses() {
        SessionOptions o = SessionOptions.builder().stateListener(changes::add)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(10)).withMaxAttempts(2))
                .build();
        Session s = ot.connect("mem://plc", o);
        for (int i = 0; i < 5; i++) {
            device.connectFailures.add(new ConnectionException("down", null));
        }
        device.drop("gone");
        await().atMost(WAIT).until(() -> s.state() == SessionState.CLOSED);
        assertThat(device.connects).hasValue(3);
        assertThatThrownBy(() -> s.read(Tag.of("v:a"))).isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("gave up reconnecting to mem://plc after 2 attempts");
    }

    @Test
    void securityFailuresAreNotRetried() {
        Session s = ot.connect("mem://plc", fastReconnect());
        device.connectFailures.add(new OtSecurityException(OtSecurityException.Reason.BAD_CREDENTIALS,
                "wrong password", null));
        device.drop("session expired");
        await().atMost(WAIT).until(() -> s.state() == SessionState.CLOSED);
        assertThat(device.connects).hasValue(2);
        assertThatThrownBy(() -> s.read(Tag.of("v:a"))).isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("wrong password");
    }

    @Test
    void withoutReconnectADropClosesTheSession() {
        Session s = ot.connect("mem://plc?reconnect=false");
        device.drop("gone");
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        assertThat(device.connects).hasValue(1);
    }

    @Test
    void aDriverThatRecoversByItselfKeepsItsConnection() {
        try (Session s = ot.connect("mem://plc", fastReconnect())) {
            device.interrupt();
            assertThat(s.state()).isEqualTo(SessionState.RECONNECTING);
            assertThatThrownBy(() -> s.read(Tag.of("v:a"))).isInstanceOf(ConnectionLostException.class);
            device.resume();
            assertThat(s.state()).isEqualTo(SessionState.CONNECTED);
            assertThat(s.read(Tag.of("v:a")).value()).isEqualTo(1);
            assertThat(device.connects).hasValue(1);
        }
    }

    @Test
    void closingWhileReconnectingStopsTheAttempts() {
        SessionOptions slow = SessionOptions.builder().stateListener(changes::add)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(200), Duration.ofMillis(200))).build();
        Session s = ot.connect("mem://plc", slow);
        device.drop("gone");
        s.close();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
        // The retry timer was cancelled: wait past its due time and check nobody connected.
        await().during(Duration.ofMillis(400)).atMost(WAIT).untilAsserted(() ->
                assertThat(device.connects).hasValue(1));
    }
}
