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
import java.util.concurrent.CompletableFuture;

/**
 * The last handler of a client pipeline: owns the connection's {@link InFlightWindow}, encodes each
 * request straight into a pooled buffer and matches responses to requests by transaction id (RTU: the
 * one request on the wire), checking unit id and function code. Responses nobody waits for any more
 * are counted by the window and dropped.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {

    private final ModbusSettings settings;
    private final boolean rtu;
    private final Clock clock;
    private final String where;
    private ChannelHandlerContext ctx;
    private InFlightWindow<ModbusCall<?>, Object> window;
    private int rtuPending = -1;
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
        ByteBuf out = ctx.alloc().buffer(rtu ? pdu + 3 : pdu + MbapCodec.HEADER);
        try {
            int start = out.writerIndex();
            if (rtu) {
                out.writeByte(call.unit());
            } else {
                MbapCodec.writeHeader(out, id, call.unit(), pdu);
            }
            call.writePdu(out);
            if (rtu) {
                Crc16.append(out, start);
                rtuPending = id;
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        ctx.writeAndFlush(out).addListener(f -> {
            if (!f.isSuccess()) {
                window.fail(id, new ConnectionLostException("cannot send " + call.describe() + " to " + where + ": "
                        + f.cause().getMessage(), f.cause()));
            }
        });
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
                    window.complete(id, call.decode(pdu, clock.instant()));
                }
            } catch (MalformedPduException e) {
                window.fail(id, new OtException("Modbus " + call.describe() + ": malformed response from " + where
                        + ": " + e.getMessage()));
            }
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        ctx.close();
    }
}
