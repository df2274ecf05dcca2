package dev.otsdk.spi;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.Timer;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The resources an {@link dev.otsdk.api.OtClient} shares among all sessions and drivers. Drivers must
 * use these instead of creating threads: one bounded event-loop group for I/O, one timer, one callback
 * pool.
 */
public interface IoRuntime {

    /** @return the shared I/O event loops (bounded, daemon threads {@code otsdk-io-N}) */
    EventLoopGroup eventLoops();

    /** @return the socket channel class matching {@link #eventLoops()} */
    Class<? extends SocketChannel> socketChannelType();

    /** @return the buffer allocator (pooled) */
    ByteBufAllocator allocator();

    /**
     * The shared timer for timeouts, back-off and periodic work. Tasks must be short and must not block;
     * hand anything longer to {@link #callbackExecutor()}.
     *
     * @return the timer
     */
    Timer timer();

    /** @return the executor for user callbacks and future completion (bounded, daemon threads) */
    Executor callbackExecutor();

    /** @return the clock for timestamps */
    Clock clock();
}
