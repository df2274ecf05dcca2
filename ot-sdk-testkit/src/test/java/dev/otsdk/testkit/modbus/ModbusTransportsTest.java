package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Tag;
import dev.otsdk.spi.WordOrder;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.Fault;
import dev.otsdk.testkit.FaultPoint;
import dev.otsdk.testkit.ModbusAuthorization;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusRequest;
import dev.otsdk.testkit.StartStop;
import dev.otsdk.testkit.TestIdentity;
import dev.otsdk.testkit.TestPki;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** RTU framing over TCP and Modbus/TCP Security (mutual TLS, roles). */
@EmulatorTest
class ModbusTransportsTest {

    static final TestPki PKI = TestPki.create();
    static final TestPki OTHER = TestPki.create();
    static final OtClient OT = OtClient.create();

    @StartStop
    final ModbusEmulator rtu = ModbusEmulator.builder().rtuOverTcp().units(1, 5).build();

    @StartStop
    final ModbusEmulator tls = ModbusEmulator.builder().tls(PKI.server("localhost", "127.0.0.1"),
            List.of(PKI.caCertificate())).authorization(ModbusAuthorization.readOnly("reader", "operator")).build();

    @AfterAll
    static void closeClient() {
        OT.close();
    }

    @Test
    void rtuOverTcpReadsWritesAndChecksTheCrc() {
        rtu.holding(4).setFloat32(1.25f, WordOrder.CDAB);
        try (Session s = OT.connect(rtu.uri() + "?timeout=300ms&reconnectDelay=20ms")) {
            assertThat(s.read(Tag.parse("holding:4@CDAB:float32")).value()).isEqualTo(1.25f);
            s.write(Tag.of("5/coil:3", DataType.BOOL), true);
            assertThat(rtu.unit(5).coil(3).get()).isTrue();
            assertThat(s.deviceInfo().vendor()).isEqualTo("OT SDK");

            rtu.faults().once(FaultPoint.BEFORE_REPLY, Fault.corruptByte(3));
            assertThatThrownBy(() -> s.read(Tag.parse("holding:4"))).hasMessageContaining("RTU CRC mismatch");
            await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.CONNECTED);

            // after a timeout an RTU answer cannot be matched safely: the connection is renewed
            rtu.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.delay(Duration.ofMillis(500)));
            assertThatThrownBy(() -> s.read(Tag.parse("holding:4"))).isInstanceOf(OtTimeoutException.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.CONNECTED
                    && s.read(Tag.parse("holding:5")).isGood());
        }
        assertThat(rtu.requests()).extracting(ModbusRequest::transactionId).containsOnly(-1);
    }

    @Test
    void rtuRefusesAWindowLargerThanOne() {
        assertThatThrownBy(() -> OT.connect(rtu.uri() + "?maxInFlight=4")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxInFlight");
    }

    @Test
    void tlsWithAnOperatorCertificateReadsAndWrites() {
        try (Session s = OT.connect(tls.uri().replace("127.0.0.1", "localhost"), tlsOptions(PKI.client("op", "operator")))) {
            s.write(Tag.of("holding:1", DataType.UINT16), 12);
            assertThat(s.read(Tag.parse("holding:1")).value()).isEqualTo(12);
        }
        assertThat(tls.requests()).extracting(ModbusRequest::role).containsOnly("operator");
    }

    @Test
    void aReaderMayReadButAWriteIsRefusedWithIllegalFunction() {
        try (Session s = OT.connect(tls.uri(), tlsOptions(PKI.client("viewer", "reader")))) {
            assertThat(s.read(Tag.parse("holding:1")).isGood()).isTrue();
            assertThatThrownBy(() -> s.write(Tag.of("holding:1", DataType.UINT16), 1))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("ILLEGAL_FUNCTION (1)");
        }
    }

    @Test
    void aServerCertificateFromAnUnknownCaIsRejected() {
        SessionOptions o = SessionOptions.builder().clientCertificate(key(OTHER.client("op", "operator")))
                .trust(OTHER.caCertificate()).reconnect(dev.otsdk.api.ReconnectPolicy.disabled()).build();
        assertThatThrownBy(() -> OT.connect(tls.uri(), o)).isInstanceOf(OtSecurityException.class)
                .hasMessageContaining("not trusted");
    }

    @Test
    void theHostNameIsCheckedByDefault() {
        try (ModbusEmulator other = ModbusEmulator.builder().tls(PKI.server("plc.example"),
                List.of(PKI.caCertificate())).build()) {
            other.start();
            assertThatThrownBy(() -> OT.connect(other.uri(), tlsOptions(PKI.client("op", "operator"))))
                    .isInstanceOf(OtSecurityException.class).hasMessageContaining("does not name this host");
            try (Session s = OT.connect(other.uri(), tlsOptions(PKI.client("op", "operator")).toBuilder()
                    .hostnameVerification(false).build())) {
                assertThat(s.read(Tag.parse("holding:0")).isGood()).isTrue();
            }
        }
    }

    @Test
    void tlsWithoutAClientCertificateIsAConfigurationError() {
        assertThatThrownBy(() -> OT.connect(tls.uri())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("client certificate");
    }

    private static SessionOptions tlsOptions(TestIdentity client) {
        return SessionOptions.builder().clientCertificate(key(client)).trust(PKI.caCertificate())
                .reconnect(dev.otsdk.api.ReconnectPolicy.disabled()).build();
    }

    private static KeyMaterial key(TestIdentity id) {
        return KeyMaterial.of(id.privateKey(), id.chain());
    }
}
