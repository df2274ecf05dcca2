package dev.otsdk.testkit.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Channel operations shared by the fault runs. */
final class ChannelFaults {

    private ChannelFaults() {
    }

    /** Aborts the connection: with SO_LINGER 0 the close sends an RST instead of a FIN. */
    static void reset(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }

    /**
     * Runs a task on the channel's event loop after a delay. A failure is fired down the pipeline as
     * {@code exceptionCaught}, where the emulator's handler sees it, instead of only being logged by
     * the event loop.
     */
    static void schedule(ChannelHandlerContext ctx, Duration delay, Runnable task) {
        ctx.executor().schedule(() -> reportingFailures(ctx, task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs a task on the channel's event loop: now (failures thrown) if already there. */
    static void onEventLoop(ChannelHandlerContext ctx, Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
        } else {
            ctx.executor().execute(() -> reportingFailures(ctx, task));
        }
    }

    private static void reportingFailures(ChannelHandlerContext ctx, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            ctx.pipeline().fireExceptionCaught(e);
        }
    }
}
