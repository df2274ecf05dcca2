package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void loopbackAddressesUseTheLoopbackInterface() {
        assertThat(Ports.loopback().getAddress().isLoopbackAddress()).isTrue();
        assertThat(Ports.loopback().getPort()).isZero();
        assertThat(Ports.loopback(502).getPort()).isEqualTo(502);
    }

    @Test
    void portsOutsideTheRangeAreRejected() {
        assertThatThrownBy(() -> Ports.loopback(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ports.hostPort("localhost", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortCanBeBoundRightAfter() throws IOException {
        int port = Ports.freePort();

        assertThat(port).isBetween(1, 65535);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(Ports.loopback(port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void hostPortBracketsIpv6Literals() {
        assertThat(Ports.hostPort("127.0.0.1", 502)).isEqualTo("127.0.0.1:502");
        assertThat(Ports.hostPort("::1", 502)).isEqualTo("[::1]:502");
        assertThat(Ports.hostPort("[::1]", 502)).isEqualTo("[::1]:502");
        assertThat(Ports.hostPort(InetSocketAddress.createUnresolved("plc.local", 102))).isEqualTo("plc.local:102");
    }

    @Test
    void uriJoinsSchemeAndAddress() {
        assertThat(Ports.uri("modbus+tcp", new InetSocketAddress("127.0.0.1", 1502)))
                .isEqualTo("modbus+tcp://127.0.0.1:1502");
    }
}
