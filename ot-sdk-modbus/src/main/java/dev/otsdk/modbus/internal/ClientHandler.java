package dev.otsdk.modbus.internal;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.OtException;
import dev.otsdk.modbus.internal.codec.Crc16;
import dev.otsdk.modbus.internal.codec.MalformedPduException;
import dev.otsdk.modbus.internal.codec.MbapCodec;
import dev.otsdk.modbus.internal.codec.ModbusFrame;
import dev.otsdk.modbus.internal.codec.ResponsePdus;
import dev.otsdk.spi.InFlightWindow;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The last handler of a client pipeline: owns the connection's {@link InFlightWindow}, encodes each
 * request straight into a pooled buffer (all requests of one event-loop turn into the same buffer, sent
 * with one write and one flush) and matches responses to requests by transaction id (RTU: the
 * one request on the wire), checking unit id and function code. Responses nobody waits for any more
 * are counted by the window and dropped.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    /** Largest outbox: a full window of typical requests fits; bigger batches go out in several writes. */
    private static final int OUTBOX_BYTES = 4096;
    /** First size of an outbox: a few dozen requests before it grows. */
    private static final int OUTBOX_START = 512;

    private final ModbusSettings settings;
    private final boolean rtu;
    private final Clock clock;
    private final String where;
    private ChannelHandlerContext ctx;
    private InFlightWindow<ModbusCall<?>, Object> window;
    private int rtuPending = -1;
    /** Requests encoded in this loop turn, sent together by {@link #sendOutbox} at the end of it. */
    private ByteBuf outbox;
    private final Runnable sendOutbox = this::sendOutbox;
    private Instant receivedAt;
    private volatile Throwable failure;

    ClientHandler(ModbusSettings settings, boolean rtu, Clock clock, String where) {
        this.settings = settings;
        this.rtu = rtu;
        this.clock = clock;
        this.where = where;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.window = new InFlightWindow<>(ctx.channel().eventLoop(), this::transmit, ModbusCall::describe,
                () -> ctx.close(), settings.maxInFlight(), settings.maxQueued(), 0, 0xFFFF);
    }

    InFlightWindow<ModbusCall<?>, Object> window() {
        return window;
    }

    Throwable failure() {
        return failure;
    }

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(ModbusCall<T> call, Duration timeout) {
        return (CompletableFuture<T>) window.submit(call, timeout);
    }

    private void transmit(int id, ModbusCall<?> call) {
        int pdu = call.pduLength();
        int frame = rtu ? pdu + 3 : pdu + MbapCodec.HEADER;
        if (outbox != null && outbox.maxWritableBytes() < frame) {
            ByteBuf full = outbox;
            outbox = null; // before writing: a write may run pending tasks (EmbeddedChannel does)
            ctx.write(full, ctx.voidPromise());
        }
        if (outbox == null) {
            outbox = ctx.alloc().buffer(Math.max(frame, OUTBOX_START), Math.max(frame, OUTBOX_BYTES));
            ctx.executor().execute(sendOutbox);
        }
        int start = outbox.writerIndex();
        try {
            if (rtu) {
                outbox.writeByte(call.unit());
            } else {
                MbapCodec.writeHeader(outbox, id, call.unit(), pdu);
            }
            call.writePdu(outbox);
            if (rtu) {
                Crc16.append(outbox, start);
                rtuPending = id;
            }
        } catch (RuntimeException e) {
            outbox.writerIndex(start); // nothing of a request that failed to encode goes out
            throw e;
        }
    }

    /**
     * Sends every request encoded since the last call in one write and one flush. A failed write loses
     * the connection's byte stream, so it closes the connection and every request in flight fails.
     */
    private void sendOutbox() {
        ByteBuf out = outbox;
        outbox = null;
        if (out == null) {
            ctx.flush();
            return;
        }
        if (!out.isReadable()) {
            out.release();
            ctx.flush();
            return;
        }
        ctx.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                exceptionCaught(ctx, new ConnectionLostException("cannot send to " + where + ": "
                        + f.cause().getMessage(), f.cause()));
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (outbox != null) {
            outbox.release();
            outbox = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ModbusFrame frame = (ModbusFrame) msg;
        try {
            int id = rtu ? rtuPending : frame.transactionId();
            if (rtu) {
                rtuPending = -1;
            }
            ModbusCall<?> call = id < 0 ? null : window.request(id);
            if (call == null) {
                // Counted by the window as late (its request timed out) or stray (never sent), then dropped.
                window.complete(id < 0 ? 0x10000 : id, null);
                return;
            }
            ByteBuf pdu = frame.pdu();
            if (frame.unitId() != call.unit()) {
                window.fail(id, new OtException("Modbus " + call.describe() + ": the response came from unit "
                        + frame.unitId() + " (" + where + ")"));
                return;
            }
            try {
                int exception = ResponsePdus.exceptionCode(pdu, call.function());
                if (exception >= 0) {
                    window.fail(id, call.refused(exception));
                } else {
                    window.complete(id, call.decode(pdu, receivedAt()));
                }
            } catch (MalformedPduException e) {
                window.fail(id, new OtException("Modbus " + call.describe() + ": malformed response from " + where
                        + ": " + e.getMessage()));
            }
        } finally {
            frame.release();
        }
    }

    /** One timestamp for all responses that arrived in one socket read: they were received together. */
    private Instant receivedAt() {
        Instant at = receivedAt;
        if (at == null) {
            at = clock.instant();
            receivedAt = at;
        }
        return at;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        receivedAt = null;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        ctx.close();
    }
}
