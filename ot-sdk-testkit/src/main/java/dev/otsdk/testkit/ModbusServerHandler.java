package dev.otsdk.testkit;

import dev.otsdk.modbus.ModbusExceptionCode;
import dev.otsdk.modbus.internal.codec.Crc16;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.modbus.internal.codec.MalformedPduException;
import dev.otsdk.modbus.internal.codec.MbapCodec;
import dev.otsdk.modbus.internal.codec.ModbusFrame;
import dev.otsdk.modbus.internal.codec.RequestPdu;
import dev.otsdk.testkit.internal.FaultEffects;
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
    private int lastUnitId = -1;
    private ModbusUnit lastUnit;

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
        try {
            if (emulator.plain()) {
                answerPlain(ctx, frame);
            } else {
                handle(ctx, frame.transactionId(), frame.unitId(), ByteBufUtil.getBytes(frame.pdu()));
            }
        } finally {
            frame.release();
        }
    }

    /** The common case (no recording, no faults, no roles): answered from the received buffer, no copies. */
    private void answerPlain(ChannelHandlerContext ctx, ModbusFrame frame) {
        emulator.countRequest();
        ByteBuf pdu = frame.pdu();
        int function = pdu.getUnsignedByte(pdu.readerIndex());
        ByteBuf out = newReply(ctx);
        try {
            RequestPdu q = RequestPdu.parse(pdu);
            if (outstanding >= emulator.maxInFlight()) {
                exception(out, function, ModbusExceptionCode.SERVER_DEVICE_BUSY.code());
            } else {
                carryOut(unit(frame.unitId()), q, pdu, out);
            }
        } catch (MalformedPduException e) {
            LOG.debug("connection {}: malformed request: {}", connection, e.getMessage());
            exception(out, function, ModbusExceptionCode.ILLEGAL_DATA_VALUE.code());
        }
        send(ctx, out, frame.transactionId(), frame.unitId(), Fault.none());
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
            ByteBuf out = newReply(ctx);
            exception(out, r.function(), ModbusExceptionCode.ILLEGAL_DATA_VALUE.code());
            reply(ctx, r, out, Fault.none());
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
            ByteBuf out = newReply(ctx);
            exception(out, q.function(), ModbusExceptionCode.SERVER_DEVICE_BUSY.code());
            reply(ctx, r, out, Fault.none());
            return;
        }
        outstanding++;
        if (gate instanceof Fault.None) {
            process(ctx, r, q, pdu); // no fault: skip the gate machinery on the common path
        } else {
            FaultEffects.onRequest(ctx, gate, () -> process(ctx, r, q, pdu));
        }
    }

    private void process(ChannelHandlerContext ctx, ModbusRequest r, RequestPdu q, ByteBuf pdu) {
        outstanding--;
        ByteBuf out = newReply(ctx);
        if (emulator.mode() == ModbusEmulator.Mode.TLS && !emulator.authorization().permits(role, r)) {
            exception(out, q.function(), ModbusExceptionCode.ILLEGAL_FUNCTION.code());
        } else {
            carryOut(unit(r.unit()), q, pdu, out);
        }
        Fault content = emulator.faults().next(FaultPoint.BEFORE_REPLY, r).orElse(Fault.none());
        if (content instanceof ModbusFault f) {
            answerFault(ctx, r, f, out);
            return;
        }
        reply(ctx, r, out, content);
    }

    /** Processes a request into {@code out}, or writes the exception the unit or the spec calls for. */
    private void carryOut(ModbusUnit unit, RequestPdu q, ByteBuf pdu, ByteBuf out) {
        if (unit == null) {
            exception(out, q.function(), ModbusExceptionCode.GATEWAY_PATH_UNAVAILABLE.code());
            return;
        }
        try {
            processor.process(unit, q, pdu, out);
        } catch (ModbusProcessor.Refusal e) {
            exception(out, q.function(), e.code);
        }
    }

    /** Units are never removed, so the last one looked up is kept: most connections talk to one unit. */
    private ModbusUnit unit(int id) {
        if (id != lastUnitId || lastUnit == null) {
            lastUnit = emulator.unitOrNull(id);
            lastUnitId = id;
        }
        return lastUnit;
    }

    /** @param processed the normal reply when the request was carried out, else {@code null} */
    private void answerFault(ChannelHandlerContext ctx, ModbusRequest r, ModbusFault f, ByteBuf processed) {
        ByteBuf out = processed;
        if (f instanceof ModbusFault.ExceptionReply e) {
            if (out == null) {
                out = newReply(ctx);
            }
            exception(out, r.function(), e.code());
            send(ctx, out, r.transactionId(), r.unit(), Fault.none());
            return;
        }
        if (out == null) {
            out = newReply(ctx);
            ModbusUnit unit = emulator.unitOrNull(r.unit());
            ByteBuf pdu = Unpooled.wrappedBuffer(r.pdu());
            carryOut(unit == null ? emulator.unit(r.unit()) : unit, RequestPdu.parse(pdu), pdu, out);
        }
        if (f instanceof ModbusFault.WrongTransactionId) {
            send(ctx, out, (r.transactionId() + 0x8000) & 0xFFFF, r.unit(), Fault.none());
        } else {
            send(ctx, out, r.transactionId(), (r.unit() + 1) & 0xFF, Fault.none());
        }
    }

    private void reply(ChannelHandlerContext ctx, ModbusRequest r, ByteBuf out, Fault content) {
        Fault write = emulator.faults().next(FaultPoint.ON_REPLY_WRITE, r).orElse(Fault.none());
        send(ctx, out, r.transactionId(), r.unit(), content instanceof Fault.None ? write : content.then(write));
    }

    private int headerLength() {
        return emulator.mode() == ModbusEmulator.Mode.RTU ? 1 : MbapCodec.HEADER;
    }

    /** A reply frame with room for the header; the PDU is written after it. */
    private ByteBuf newReply(ChannelHandlerContext ctx) {
        int header = headerLength();
        ByteBuf out = ctx.alloc().buffer(header + FunctionCodes.MAX_PDU + 2);
        out.writerIndex(header);
        return out;
    }

    /** Replaces whatever PDU {@code out} holds with an exception response. */
    private void exception(ByteBuf out, int function, int code) {
        out.writerIndex(headerLength());
        out.writeByte(function | 0x80).writeByte(code);
    }

    /** Fills in the header (and the RTU CRC) in front of the PDU, then writes the frame. */
    private void send(ChannelHandlerContext ctx, ByteBuf out, int tid, int unit, Fault fault) {
        int end = out.writerIndex();
        if (emulator.mode() == ModbusEmulator.Mode.RTU) {
            out.setByte(0, unit);
            Crc16.append(out, 0);
        } else {
            out.writerIndex(0);
            MbapCodec.writeHeader(out, tid, unit, end - MbapCodec.HEADER);
            out.writerIndex(end);
        }
        if (fault instanceof Fault.None) {
            FaultEffects.writeReply(ctx, out); // the common case, without building a fault sequence
        } else {
            FaultEffects.writeReply(ctx, out, fault);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {}: closing after {}", connection, cause.toString());
        ctx.close();
    }
}
