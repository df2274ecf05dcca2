package dev.otsdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.testkit.Ports;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandler;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpServerTest {

    @ChannelHandler.Sharable
    private static final class Ignore extends ChannelInboundHandlerAdapter {
    }

    @Test
    void startIsIdempotentAndBindsALoopbackPort() throws Exception {
        try (TcpServer server = new TcpServer("test", Ports.loopback(), new Ignore())) {
            server.start();
            int port = server.port();
            server.start();

            assertThat(server.port()).isEqualTo(port).isPositive();
            assertThat(server.localAddress().getAddress().isLoopbackAddress()).isTrue();
            try (Socket socket = new Socket(server.localAddress().getAddress(), port)) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void closeStopsListeningAndCanBeRepeated() {
        TcpServer server = new TcpServer("test", Ports.loopback(), new Ignore());
        server.start();
        var address = server.localAddress();

        server.close();
        server.close();

        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void itCanStartAgainAfterClose() {
        TcpServer server = new TcpServer("test", Ports.loopback(), new Ignore());
        try {
            server.start();
            server.close();

            server.start();

            assertThat(server.isRunning()).isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void aTakenPortIsAnUncheckedIoException() {
        try (TcpServer first = new TcpServer("first", Ports.loopback(), new Ignore())) {
            first.start();
            TcpServer second = new TcpServer("second", Ports.loopback(first.port()), new Ignore());

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class);
            assertThat(second.isRunning()).isFalse();
        }
    }
}
