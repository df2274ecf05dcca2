package dev.otsdk.testkit.internal;

import dev.otsdk.testkit.Fault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/**
 * Writes a reply with a fault applied. The reply is held as a {@code byte[]}, not a {@code ByteBuf},
 * while faults run: a delay that outlives the channel or its event loop can then never leak a buffer.
 * Fresh buffers are allocated only for the bytes actually written.
 */
public final class ReplyRun {

    private final ChannelHandlerContext ctx;
    private final List<Fault> steps;
    private byte[] reply;

    private ReplyRun(ChannelHandlerContext ctx, List<Fault> steps, byte[] reply) {
        this.ctx = ctx;
        this.steps = steps;
        this.reply = reply;
    }

    /**
     * Writes a reply through the fault's steps.
     *
     * @param ctx the connection's context
     * @param fault content and transport faults (no ProtocolFault)
     * @param reply the encoded reply; this call owns it
     */
    public static void write(ChannelHandlerContext ctx, Fault fault, byte[] reply) {
        ReplyRun run = new ReplyRun(ctx, fault.steps(), reply);
        ChannelFaults.onEventLoop(ctx, () -> run.from(0));
    }

    private void from(int first) {
        for (int i = first; i < steps.size(); i++) {
            if (!ctx.channel().isActive()) {
                return;
            }
            Fault step = steps.get(i);
            if (step instanceof Fault.RewriteReply rewrite) {
                reply = rewrite.apply(reply);
            } else if (step instanceof Fault.Delay delay) {
                int next = i + 1;
                ChannelFaults.schedule(ctx, delay.duration(), () -> from(next));
                return;
            } else if (step instanceof Fault.Stall) {
                return;
            } else if (step instanceof Fault.Drop) {
                ctx.close();
                return;
            } else if (step instanceof Fault.Reset) {
                ChannelFaults.reset(ctx);
                return;
            } else if (step instanceof Fault.DropMidFrame mid) {
                ctx.writeAndFlush(copy(0, Math.min(mid.bytesToSend(), reply.length)))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            } else if (step instanceof Fault.SplitWrites split) {
                writeChunks(split, 0, 0);
                return;
            }
        }
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(copy(0, reply.length));
        }
    }

    /** Writes piece {@code index} starting at {@code offset}, then schedules or writes the next one. */
    private void writeChunks(Fault.SplitWrites split, int index, int offset) {
        int position = offset;
        for (int i = index; position < reply.length; i++) {
            if (!ctx.channel().isActive()) {
                return;
            }
            if (i > index && !split.pause().isZero()) {
                int resumeIndex = i;
                int resumeOffset = position;
                ChannelFaults.schedule(ctx, split.pause(), () -> writeChunks(split, resumeIndex, resumeOffset));
                return;
            }
            // Pieces past the listed sizes: the rest of the reply in one write.
            int size = i < split.chunkSizes().size() ? split.chunkSizes().get(i) : reply.length - position;
            int length = Math.min(size, reply.length - position);
            ctx.writeAndFlush(copy(position, length));
            position += length;
        }
    }

    private ByteBuf copy(int offset, int length) {
        return ctx.alloc().buffer(length).writeBytes(reply, offset, length);
    }
}
