package dev.otsdk.testkit.internal;

import dev.otsdk.testkit.Fault;
import dev.otsdk.testkit.FaultPoint;
import dev.otsdk.testkit.ProtocolFault;

import dev.otsdk.testkit.internal.GateRun;
import dev.otsdk.testkit.internal.ReplyRun;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import java.util.Objects;

/**
 * Applies {@link Fault}s to a Netty channel, for emulators. See {@link FaultPoint} for the order in
 * which an emulator calls these methods.
 *
 * <ul>
 *   <li>Waits are scheduled on the channel's event loop; nothing blocks a thread.</li>
 *   <li>Every method may be called from any thread; the work runs on the channel's event loop.</li>
 *   <li>{@code writeReply} always takes ownership of the reply buffer and releases it on every path,
 *       including faults that never write and calls that throw.</li>
 *   <li>A failure while applying a fault (say, {@link Fault#corruptByte(int)} past the reply's end)
 *       is thrown to the caller when it happens during the call on the event loop; otherwise (after
 *       a delay, or when called from another thread) it is fired down the pipeline as
 *       {@code exceptionCaught}, where the emulator's handler sees it.</li>
 * </ul>
 */
public final class FaultEffects {

    private FaultEffects() {
    }

    /**
     * Applies an {@link FaultPoint#ON_CONNECT} fault to a newly accepted connection; call it from
     * {@code channelActive}. A delay or stall turns off auto-read, so requests wait in the socket
     * meanwhile; after a delay auto-read is restored.
     *
     * @param ctx the connection's handler context
     * @param fault a fault {@link FaultPoint#ON_CONNECT} supports
     * @throws IllegalArgumentException if the fault is not supported there
     */
    public static void onConnect(ChannelHandlerContext ctx, Fault fault) {
        Objects.requireNonNull(ctx, "ctx");
        require(FaultPoint.ON_CONNECT, fault);
        GateRun.connection(ctx, fault);
    }

    /**
     * Applies an {@link FaultPoint#ON_REQUEST} fault to a decoded request: {@code process} runs now
     * (no effective fault), after a delay, or never (stall, drop, reset; also when the connection has
     * closed during a delay). A delayed request does not hold back later requests on the same
     * connection; an emulator that must answer in order queues them itself.
     *
     * <p>A {@link ProtocolFault} is the emulator's to answer and is rejected here.
     *
     * @param ctx the connection's handler context
     * @param fault a fault {@link FaultPoint#ON_REQUEST} supports, other than a {@link ProtocolFault}
     * @param process what the emulator does with the request, run on the channel's event loop
     * @throws IllegalArgumentException if the fault is not supported there or is a {@link ProtocolFault}
     */
    public static void onRequest(ChannelHandlerContext ctx, Fault fault, Runnable process) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(process, "process");
        require(FaultPoint.ON_REQUEST, fault);
        rejectProtocolFault(fault);
        GateRun.request(ctx, fault, process);
    }

    /**
     * Writes and flushes a reply without any fault.
     *
     * @param ctx the connection's handler context
     * @param reply the encoded reply; ownership passes to this method
     */
    public static void writeReply(ChannelHandlerContext ctx, ByteBuf reply) {
        Objects.requireNonNull(reply, "reply");
        if (ctx == null) {
            reply.release();
            throw new NullPointerException("ctx");
        }
        ctx.writeAndFlush(reply);
    }

    /**
     * Writes a reply with a fault applied: the content faults of {@link FaultPoint#BEFORE_REPLY}
     * ({@link Fault.RewriteReply}), the transport faults of {@link FaultPoint#ON_REPLY_WRITE}, or a
     * {@link Fault.Sequence} of content faults followed by transport faults. A
     * {@link ProtocolFault} is the emulator's to encode and is rejected here.
     *
     * @param ctx the connection's handler context
     * @param reply the encoded reply; ownership passes to this method, which releases it on every path
     * @param fault the fault to apply; {@link Fault#none()} writes the reply as is
     * @throws IllegalArgumentException if the fault is not a reply fault (the reply is released)
     */
    public static void writeReply(ChannelHandlerContext ctx, ByteBuf reply, Fault fault) {
        Objects.requireNonNull(reply, "reply");
        try {
            Objects.requireNonNull(ctx, "ctx");
            Objects.requireNonNull(fault, "fault");
            rejectProtocolFault(fault);
            requireReplyFault(fault);
        } catch (RuntimeException e) {
            reply.release();
            throw e;
        }
        if (isNoOp(fault)) {
            ctx.writeAndFlush(reply);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(reply);
        } finally {
            reply.release();
        }
        ReplyRun.write(ctx, fault, bytes);
    }

    private static boolean isNoOp(Fault fault) {
        return fault.steps().stream().allMatch(step -> step instanceof Fault.None);
    }

    private static void require(FaultPoint point, Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (!point.supports(fault)) {
            throw new IllegalArgumentException(fault + " cannot be applied at " + point);
        }
    }

    private static void requireReplyFault(Fault fault) {
        for (Fault step : fault.steps()) {
            if (!FaultPoint.BEFORE_REPLY.supports(step) && !FaultPoint.ON_REPLY_WRITE.supports(step)) {
                throw new IllegalArgumentException(step + " is not a reply fault");
            }
        }
    }

    private static void rejectProtocolFault(Fault fault) {
        if (fault instanceof ProtocolFault) {
            throw new IllegalArgumentException(
                    "A ProtocolFault is answered by the emulator that defines it, not by FaultEffects: " + fault);
        }
    }
}
