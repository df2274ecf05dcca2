package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaEmulator.Write;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault as Milo's own client experiences it; one emulator, a fresh client per test. */
@EmulatorTest
class OpcUaFaultTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder().variable("A", OpcUaType.INT32, 1).build();

    OpcUaClient milo;

    static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    @BeforeEach
    void connect() throws UaException {
        soon().until(() -> PLC.sessionCount() == 0);
        // No keep-alive in the way: the test's own requests show what the client sees.
        milo = MiloClients.connect(PLC.uri(), SecurityPolicy.None, MessageSecurityMode.None,
                c -> c.setKeepAliveInterval(uint(600_000)));
        assertThat(PLC.sessionCount()).isEqualTo(1);
    }

    @AfterEach
    void disconnect() {
        PLC.resumeAnswering();
        MiloClients.disconnect(milo);
    }

    Object readA() throws UaException {
        return MiloClients.readValue(milo, PLC.nodeId("A")).getValue().getValue();
    }

    boolean readsAgain() {
        try {
            readA();
            return true;
        } catch (UaException e) {
            return false;
        }
    }

    NodeId sessionId() throws UaException {
        return milo.getSession().getSessionId();
    }

    Channel channel() throws Exception {
        return ((OpcTcpClientTransport) milo.getTransport()).getChannelFsm().getChannel().get(5, TimeUnit.SECONDS);
    }

    @Test
    void closeAllSessionsEndsTheSessionButNotTheConnection() throws Exception {
        NodeId before = sessionId();
        Channel connection = channel();

        PLC.closeAllSessions();

        assertThat(PLC.sessionCount()).isZero();
        assertThatThrownBy(this::readA).isInstanceOfSatisfying(UaException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(StatusCodes.Bad_SessionIdInvalid));
        soon().until(this::readsAgain);
        assertThat(sessionId()).isNotEqualTo(before);
        assertThat(channel()).isSameAs(connection);
        assertThat(connection.isActive()).isTrue();
        assertThat(PLC.sessionCount()).isEqualTo(1);
    }

    @Test
    void dropConnectionsClosesTheConnectionButTheServerKeepsTheSession() throws Exception {
        NodeId session = sessionId();
        Channel connection = channel();

        PLC.dropConnections();

        soon().until(() -> !connection.isActive());
        soon().until(this::readsAgain);
        assertThat(channel()).isNotSameAs(connection);
        assertThat(sessionId()).isEqualTo(session);
        assertThat(PLC.sessionCount()).isEqualTo(1);
    }

    @Test
    void restartKeepsPortAndValuesDropsSessionsAndClientsReconnect() throws Exception {
        PLC.set("A", 5);
        int port = PLC.port();
        String uri = PLC.uri();
        NodeId session = sessionId();

        PLC.restart();

        assertThat(PLC.isRunning()).isTrue();
        assertThat(PLC.port()).isEqualTo(port);
        assertThat(PLC.uri()).isEqualTo(uri);
        assertThat(PLC.sessionCount()).isZero();
        soon().until(this::readsAgain);
        assertThat(readA()).isEqualTo(5);
        assertThat(sessionId()).isNotEqualTo(session);
    }

    @Test
    void aClosedEmulatorStartsAgainOnItsPortWithItsValues() throws Exception {
        PLC.set("A", 6);
        int port = PLC.port();

        PLC.close();
        assertThat(PLC.isRunning()).isFalse();
        assertThatThrownBy(PLC::port).isInstanceOf(IllegalStateException.class);
        assertThat(PLC.value("A")).isEqualTo(6);
        PLC.start();

        assertThat(PLC.port()).isEqualTo(port);
        OpcUaClient fresh = MiloClients.connect(PLC.uri());
        try {
            assertThat(MiloClients.readValue(fresh, PLC.nodeId("A")).getValue().getValue()).isEqualTo(6);
        } finally {
            MiloClients.disconnect(fresh);
        }
    }

    @Test
    void stopAnsweringHoldsRequestsAndNewConnectionsUntilResumed() throws Exception {
        PLC.clearWrites();
        PLC.stopAnswering();

        CompletableFuture<List<StatusCode>> write = milo.writeValuesAsync(List.of(NodeId.parse(PLC.nodeId("A"))),
                List.of(DataValue.valueOnly(new Variant(7))));
        CompletableFuture<List<EndpointDescription>> discovery = DiscoveryClient.getEndpoints(PLC.uri());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !write.isDone() && !discovery.isDone() && PLC.writes().isEmpty());

        PLC.resumeAnswering();

        assertThat(write.get(5, TimeUnit.SECONDS)).allMatch(StatusCode::isGood);
        assertThat(discovery.get(5, TimeUnit.SECONDS)).hasSize(11);
        assertThat(PLC.writes()).extracting(Write::path, Write::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 7));
        assertThat(PLC.writes().get(0).at()).isBeforeOrEqualTo(Instant.now());
        assertThat(readA()).isEqualTo(7);
    }
}
