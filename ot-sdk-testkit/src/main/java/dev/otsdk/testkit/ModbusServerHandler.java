package dev.otsdk.testkit;

import dev.otsdk.modbus.ModbusExceptionCode;
import dev.otsdk.modbus.internal.codec.Crc16;
import dev.otsdk.modbus.internal.codec.MalformedPduException;
import dev.otsdk.modbus.internal.codec.MbapCodec;
import dev.otsdk.modbus.internal.codec.ModbusFrame;
import dev.otsdk.modbus.internal.codec.RequestPdu;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulator connection: records each request, consults the fault plan at each {@link FaultPoint},
 * checks authorization and the in-flight limit, processes, and writes the reply.
 */
final class ModbusServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusServerHandler.class);

    private final ModbusEmulator emulator;
    private final int connection;
    private final ModbusProcessor processor;
    private String role;
    private int outstanding;

    ModbusServerHandler(ModbusEmulator emulator, int connection) {
        this.emulator = emulator;
        this.connection = connection;
        this.processor = new ModbusProcessor(emulator::deviceIdSnapshot, emulator.customFunctions());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        emulator.connectionOpened(true);
        emulator.faults().nextOnConnect().ifPresent(fault -> FaultEffects.onConnect(ctx, fault));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        emulator.connectionOpened(false);
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent e && e.isSuccess()) {
            try {
                Certificate[] peer = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
                role = TestPki.roleOf((X509Certificate) peer[0]).orElse(null);
            } catch (Exception ex) {
                LOG.debug("connection {}: no usable client certificate role: {}", connection, ex.toString());
                role = null;
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ModbusFrame frame = (ModbusFrame) msg;
        byte[] pdu;
        int tid;
        int unit;
        try {
            pdu = ByteBufUtil.getBytes(frame.pdu());
            tid = frame.transactionId();
            unit = frame.unitId();
        } finally {
            frame.release();
        }
        handle(ctx, tid, unit, pdu);
    }

    private void handle(ChannelHandlerContext ctx, int tid, int unit, byte[] pduBytes) {
        ByteBuf pdu = Unpooled.wrappedBuffer(pduBytes);
        RequestPdu q;
        try {
            q = RequestPdu.parse(pdu);
        } catch (MalformedPduException e) {
            ModbusRequest r = new ModbusRequest(connection, tid, unit, pdu.getUnsignedByte(0), 0, 0, role, pduBytes);
            emulator.record(r);
            LOG.debug("connection {}: malformed request {}: {}", connection, r, e.getMessage());
            reply(ctx, r, exception(r.function(), ModbusExceptionCode.ILLEGAL_DATA_VALUE.code()), Fault.none());
            return;
        }
        ModbusRequest r = new ModbusRequest(connection, tid, unit, q.function(), q.address(), q.quantity(), role,
                pduBytes);
        emulator.record(r);
        Fault gate = emulator.faults().next(FaultPoint.ON_REQUEST, r).orElse(Fault.none());
        if (gate instanceof ModbusFault f) {
            answerFault(ctx, r, f, null);
            return;
        }
        if (outstanding >= emulator.maxInFlight()) {
            reply(ctx, r, exception(q.function(), ModbusExceptionCode.SERVER_DEVICE_BUSY.code()), Fault.none());
            return;
        }
        outstanding++;
        FaultEffects.onRequest(ctx, gate, () -> process(ctx, r, q, pdu));
    }

    private void process(ChannelHandlerContext ctx, ModbusRequest r, RequestPdu q, ByteBuf pdu) {
        outstanding--;
        ByteBuf out = Unpooled.buffer(256);
        if (emulator.mode() == ModbusEmulator.Mode.TLS && !emulator.authorization().permits(role, r)) {
            out = exception(q.function(), ModbusExceptionCode.ILLEGAL_FUNCTION.code());
        } else {
            ModbusUnit unit = emulator.unitOrNull(r.unit());
            if (unit == null) {
                out = exception(q.function(), ModbusExceptionCode.GATEWAY_PATH_UNAVAILABLE.code());
            } else {
                try {
                    processor.process(unit, q, pdu, out);
                } catch (ModbusProcessor.Refusal e) {
                    out = exception(q.function(), e.code);
                }
            }
        }
        Fault content = emulator.faults().next(FaultPoint.BEFORE_REPLY, r).orElse(Fault.none());
        if (content instanceof ModbusFault f) {
            answerFault(ctx, r, f, out);
            return;
        }
        reply(ctx, r, out, content);
    }

    /** @param processed the normal reply PDU when the request was carried out, else {@code null} */
    private void answerFault(ChannelHandlerContext ctx, ModbusRequest r, ModbusFault f, ByteBuf processed) {
        if (f instanceof ModbusFault.ExceptionReply e) {
            reply(ctx, r, exception(r.function(), e.code()), Fault.none());
            return;
        }
        ByteBuf pdu = processed;
        if (pdu == null) {
            pdu = Unpooled.buffer(256);
            ModbusUnit unit = emulator.unitOrNull(r.unit());
            try {
                processor.process(unit == null ? emulator.unit(r.unit()) : unit, RequestPdu.parse(
                        Unpooled.wrappedBuffer(r.pdu())), Unpooled.wrappedBuffer(r.pdu()), pdu);
            } catch (ModbusProcessor.Refusal e) {
                pdu = exception(r.function(), e.code);
            }
        }
        if (f instanceof ModbusFault.WrongTransactionId) {
            send(ctx, r, (r.transactionId() + 0x8000) & 0xFFFF, r.unit(), pdu, Fault.none());
        } else {
            send(ctx, r, r.transactionId(), (r.unit() + 1) & 0xFF, pdu, Fault.none());
        }
    }

    private void reply(ChannelHandlerContext ctx, ModbusRequest r, ByteBuf pdu, Fault content) {
        send(ctx, r, r.transactionId(), r.unit(), pdu, content);
    }

    private void send(ChannelHandlerContext ctx, ModbusRequest r, int tid, int unit, ByteBuf pdu, Fault content) {
        Fault write = emulator.faults().next(FaultPoint.ON_REPLY_WRITE, r).orElse(Fault.none());
        int n = pdu.readableBytes();
        ByteBuf frame = ctx.alloc().buffer(n + MbapCodec.HEADER + 2);
        if (emulator.mode() == ModbusEmulator.Mode.RTU) {
            frame.writeByte(unit).writeBytes(pdu);
            Crc16.append(frame, 0);
        } else {
            MbapCodec.writeHeader(frame, tid, unit, n);
            frame.writeBytes(pdu);
        }
        pdu.release();
        if (content instanceof Fault.None && write instanceof Fault.None) {
            FaultEffects.writeReply(ctx, frame); // the common case, without building a fault sequence
        } else {
            FaultEffects.writeReply(ctx, frame, content.then(write));
        }
    }

    private static ByteBuf exception(int function, int code) {
        return Unpooled.buffer(2).writeByte(function | 0x80).writeByte(code);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {}: closing after {}", connection, cause.toString());
        ctx.close();
    }
}
