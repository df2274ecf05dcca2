package dev.otsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;

/**
 * Loopback addresses and port helpers. Servers in tests bind port 0 and read back the port the system
 * chose; nothing here needs a fixed port.
 */
public final class Ports {

    private Ports() {
    }

    /**
     * Returns the loopback address with port 0, for binding a server to a free port.
     *
     * @return the loopback address with port 0
     */
    public static InetSocketAddress loopback() {
        return loopback(0);
    }

    /**
     * Returns the loopback address with a given port.
     *
     * @param port a port between 0 and 65535
     * @return the loopback address with that port
     * @throws IllegalArgumentException if the port is out of range
     */
    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), checkPort(port));
    }

    /**
     * Finds a port that was free a moment ago by binding port 0 and closing the socket again.
     *
     * <p>This is racy: another process may take the port before you bind it. Use it only when a test
     * needs the number before anything is bound, for example to restart an emulator on the same port
     * or to hand a port to a configuration file. Everything else should bind port 0.
     *
     * @return a port number that was free
     * @throws UncheckedIOException if no port can be bound
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // the caller binds it again right away
            socket.bind(loopback(), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    /**
     * Formats an address as {@code host:port}, with IPv6 literals in brackets, without any DNS look-up.
     *
     * @param address a socket address
     * @return e.g. {@code 127.0.0.1:502} or {@code [::1]:502}
     */
    public static String hostPort(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        return hostPort(address.getHostString(), address.getPort());
    }

    /**
     * Formats a host and port as {@code host:port}, with IPv6 literals in brackets.
     *
     * @param host a host name or IP literal
     * @param port a port between 0 and 65535
     * @return e.g. {@code localhost:502} or {@code [::1]:502}
     * @throws IllegalArgumentException if the port is out of range
     */
    public static String hostPort(String host, int port) {
        Objects.requireNonNull(host, "host");
        checkPort(port);
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (ipv6 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Builds an emulator URI such as {@code modbus+tcp://127.0.0.1:50123}.
     *
     * @param scheme the URI scheme, e.g. {@code modbus+tcp}
     * @param address the bound address
     * @return {@code scheme://host:port}
     */
    public static String uri(String scheme, InetSocketAddress address) {
        Objects.requireNonNull(scheme, "scheme");
        return scheme + "://" + hostPort(address);
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("Port out of range 0..65535: " + port);
        }
        return port;
    }
}
