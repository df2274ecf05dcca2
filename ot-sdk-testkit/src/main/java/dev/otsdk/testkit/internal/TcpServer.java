package dev.otsdk.testkit.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listener behind a Netty-based emulator: one event loop of its own (so emulators share no
 * state), daemon threads, idempotent start and close, and restart after close (on the configured
 * address, so port 0 gives a new port).
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);

    private final String name;
    private final InetSocketAddress bindAddress;
    private final ChannelHandler childHandler;
    private EventLoopGroup group;
    private Channel serverChannel;

    /**
     * Creates a stopped server.
     *
     * @param name names the event loop threads and log lines
     * @param bindAddress where to listen; port 0 for a free port
     * @param childHandler the handler (usually a {@code ChannelInitializer}) for accepted connections;
     *        must be {@code @Sharable}
     */
    public TcpServer(String name, InetSocketAddress bindAddress, ChannelHandler childHandler) {
        this.name = Objects.requireNonNull(name, "name");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.childHandler = Objects.requireNonNull(childHandler, "childHandler");
    }

    /**
     * Binds and starts accepting; does nothing if running.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public synchronized void start() {
        if (serverChannel != null) {
            return;
        }
        EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory(name, true));
        try {
            serverChannel = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(childHandler)
                    .bind(bindAddress)
                    .syncUninterruptibly()
                    .channel();
        } catch (Throwable t) { // Netty rethrows a checked BindException undeclared
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (t instanceof IOException io) {
                throw new UncheckedIOException(name + " cannot bind " + bindAddress, io);
            }
            throw t;
        }
        group = loop;
        LOG.debug("{} listening on {}", name, serverChannel.localAddress());
    }

    /**
     * Tells whether the server is accepting connections.
     *
     * @return whether it is running
     */
    public synchronized boolean isRunning() {
        return serverChannel != null;
    }

    /**
     * Returns the bound address.
     *
     * @return the local address, with the real port
     * @throws IllegalStateException if not running
     */
    public synchronized InetSocketAddress localAddress() {
        if (serverChannel == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     * @throws IllegalStateException if not running
     */
    public int port() {
        return localAddress().getPort();
    }

    /** Closes the listener and every accepted connection, and stops the event loop. */
    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        EventLoopGroup loop = group;
        serverChannel = null;
        group = null;
        // Shutting the loop down closes every channel registered with it, accepted ones included.
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!inside(loop)) {
            loop.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        LOG.debug("{} closed", name);
    }

    private static boolean inside(EventLoopGroup loop) {
        for (EventExecutor executor : loop) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
