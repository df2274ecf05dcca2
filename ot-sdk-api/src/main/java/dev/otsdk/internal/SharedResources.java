package dev.otsdk.internal;

import dev.otsdk.spi.IoRuntime;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads one {@code OtClient} owns and shares among all its sessions. */
final class SharedResources implements IoRuntime {

    private static final long SHUTDOWN_WAIT_MS = 3_000;

    private final NioEventLoopGroup eventLoops;
    private final HashedWheelTimer timer;
    private final ThreadPoolExecutor callbacks;
    private final Clock clock;

    SharedResources(int ioThreads, int callbackThreads, Clock clock) {
        this.clock = clock;
        this.eventLoops = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("otsdk-io", true));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("otsdk-timer", true), 10, TimeUnit.MILLISECONDS, 512);
        this.callbacks = new ThreadPoolExecutor(callbackThreads, callbackThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("otsdk-callback"));
        this.callbacks.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public EventLoopGroup eventLoops() {
        return eventLoops;
    }

    @Override
    public Class<? extends SocketChannel> socketChannelType() {
        return NioSocketChannel.class;
    }

    @Override
    public ByteBufAllocator allocator() {
        return PooledByteBufAllocator.DEFAULT;
    }

    @Override
    public Timer timer() {
        return timer;
    }

    @Override
    public Executor callbackExecutor() {
        return callbacks;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Stops all threads, waiting a bounded time for in-progress work. */
    void shutdown() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        timer.stop();
        callbacks.shutdown();
        try {
            eventLoops.terminationFuture().await(SHUTDOWN_WAIT_MS);
            callbacks.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
