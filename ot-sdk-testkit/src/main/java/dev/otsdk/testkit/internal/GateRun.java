package dev.otsdk.testkit.internal;

import dev.otsdk.testkit.Fault;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/**
 * Applies a fault that decides whether, and when, something goes on: reading from a new connection, or
 * processing a request. Delay, stall, drop and reset are its vocabulary.
 */
public final class GateRun {

    private final ChannelHandlerContext ctx;
    private final List<Fault> steps;
    private final boolean holdReads;
    private final Runnable proceed;

    private GateRun(ChannelHandlerContext ctx, Fault fault, boolean holdReads, Runnable proceed) {
        this.ctx = ctx;
        this.steps = fault.steps();
        this.holdReads = holdReads;
        this.proceed = proceed;
    }

    /**
     * Gates a new connection: while delayed or stalled it does not read, so requests wait in the socket.
     *
     * @param ctx the connection's context
     * @param fault a fault supported at ON_CONNECT
     */
    public static void connection(ChannelHandlerContext ctx, Fault fault) {
        boolean autoRead = ctx.channel().config().isAutoRead();
        GateRun run = new GateRun(ctx, fault, true, () -> ctx.channel().config().setAutoRead(autoRead));
        ChannelFaults.onEventLoop(ctx, () -> run.from(0));
    }

    /**
     * Gates a request: {@code process} runs now, later, or never.
     *
     * @param ctx the connection's context
     * @param fault a fault supported at ON_REQUEST, except a ProtocolFault
     * @param process what the emulator does with the request
     */
    public static void request(ChannelHandlerContext ctx, Fault fault, Runnable process) {
        GateRun run = new GateRun(ctx, fault, false, process);
        ChannelFaults.onEventLoop(ctx, () -> run.from(0));
    }

    private void from(int first) {
        for (int i = first; i < steps.size(); i++) {
            if (!ctx.channel().isActive()) {
                return; // the client left while we waited
            }
            Fault step = steps.get(i);
            if (step instanceof Fault.Delay delay) {
                holdReads();
                int next = i + 1;
                ChannelFaults.schedule(ctx, delay.duration(), () -> from(next));
                return;
            } else if (step instanceof Fault.Stall) {
                holdReads();
                return;
            } else if (step instanceof Fault.Drop) {
                ctx.close();
                return;
            } else if (step instanceof Fault.Reset) {
                ChannelFaults.reset(ctx);
                return;
            }
        }
        if (ctx.channel().isActive()) {
            proceed.run();
        }
    }

    private void holdReads() {
        if (holdReads) {
            ctx.channel().config().setAutoRead(false);
        }
    }
}
