package dev.otsdk.opcua.internal;

import dev.otsdk.spi.IoRuntime;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/**
 * Points Milo's client transport at the {@link IoRuntime}'s shared resources: the event loops for I/O
 * and scheduling, the wheel timer for request timeouts and the callback executor for completing
 * responses and delivering notifications. Nothing here creates threads per session.
 */
final class SharedMiloResources {

    /**
     * Milo 1.1's subscription management ({@code OpcUaSubscription.create()}, {@code createMonitoredItems()},
     * {@code delete()}) is synchronous: it blocks until the response arrives, and responses are completed
     * on Milo's executor (our callback threads). Running it there could take every callback thread and
     * deadlock until the request timeout, so it runs on this small driver-wide pool whose idle threads exit.
     */
    private static final ThreadPoolExecutor BLOCKING = blockingPool();

    private SharedMiloResources() {
    }

    private static ThreadPoolExecutor blockingPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "otsdk-opcua-subscriptions-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** @return where Milo's blocking subscription calls run */
    static Executor blockingCalls() {
        return BLOCKING;
    }

    /**
     * Configures a Milo transport (sessions and discovery) for the shared resources.
     *
     * @param io the shared resources
     * @param executor the adapter from {@link #executorFor(IoRuntime)}
     * @param connectTimeout the TCP connect and hello/acknowledge timeout
     * @return the customizer
     */
    static Consumer<OpcTcpClientTransportConfigBuilder> transport(IoRuntime io, ExecutorService executor,
            Duration connectTimeout) {
        long ms = Math.max(1, Math.min(0xFFFF_FFFFL, connectTimeout.toMillis()));
        var uint = org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(ms);
        // The event loops double as the scheduler: Milo schedules only short triggers (keep-alive,
        // reconnect and watchdog timers) that hand real work to the executor.
        return b -> b.setEventLoop(io.eventLoops())
                .setScheduledExecutor(io.eventLoops())
                .setWheelTimer(wheelTimer(io))
                .setExecutor(executor)
                .setConnectTimeout(uint)
                .setAcknowledgeTimeout(uint);
    }

    private static HashedWheelTimer wheelTimer(IoRuntime io) {
        // Milo's API wants the concrete class; the runtime's timer is one. Otherwise Milo's own shared timer.
        return io.timer() instanceof HashedWheelTimer t ? t : Stack.sharedWheelTimer();
    }

    /**
     * An {@link ExecutorService} view of the callback executor for Milo. Shutting it down does nothing:
     * the client runtime owns the threads.
     *
     * @param io the shared resources
     * @return the view
     */
    static ExecutorService executorFor(IoRuntime io) {
        return new CallbackExecutorView(io.callbackExecutor());
    }

    private static final class CallbackExecutorView extends AbstractExecutorService {
        private final Executor delegate;

        CallbackExecutorView(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
