package dev.otsdk.modbus.internal;

import dev.otsdk.api.Status;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.modbus.internal.codec.ResponsePdus;
import dev.otsdk.spi.BoundWrite;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/** FC 5/6/15/16/22 for a planned write; values are encoded straight into the request buffer. */
final class WriteCall extends ModbusCall<List<Status>> {

    private final WritePlan plan;
    private final boolean[] coils;
    private int echo;

    WriteCall(WritePlan plan) {
        super(plan.unit());
        this.plan = plan;
        if (plan.function() == FunctionCodes.WRITE_MULTIPLE_COILS) {
            coils = new boolean[plan.quantity()];
            for (BoundWrite w : plan.writes()) {
                ValueCodec.setBits(w.address(ModbusAddress.class), w.value(), coils, plan.start());
            }
        } else {
            coils = null;
        }
    }

    @Override
    int function() {
        return plan.function();
    }

    @Override
    int pduLength() {
        return switch (plan.function()) {
            case FunctionCodes.WRITE_SINGLE_COIL, FunctionCodes.WRITE_SINGLE_REGISTER -> 5;
            case FunctionCodes.MASK_WRITE_REGISTER -> 7;
            case FunctionCodes.WRITE_MULTIPLE_COILS -> 6 + (plan.quantity() + 7) / 8;
            default -> 6 + plan.quantity() * 2;
        };
    }

    @Override
    void writePdu(ByteBuf out) {
        out.writeByte(plan.function());
        out.writeShort(plan.start());
        switch (plan.function()) {
            case FunctionCodes.WRITE_SINGLE_COIL -> {
                Object v = plan.writes().get(0).value();
                echo = (v instanceof boolean[] a ? a[0] : (Boolean) v) ? 0xFF00 : 0;
                out.writeShort(echo);
            }
            case FunctionCodes.WRITE_SINGLE_REGISTER -> {
                int at = out.writerIndex();
                BoundWrite w = plan.writes().get(0);
                ValueCodec.encodeRegisters(w.address(ModbusAddress.class), w.value(), out);
                echo = out.getUnsignedShort(at);
            }
            case FunctionCodes.MASK_WRITE_REGISTER -> {
                BoundWrite w = plan.writes().get(0);
                int bit = 1 << w.address(ModbusAddress.class).bit();
                out.writeShort(~bit & 0xFFFF);
                out.writeShort((Boolean) w.value() ? bit : 0);
            }
            case FunctionCodes.WRITE_MULTIPLE_COILS -> {
                out.writeShort(plan.quantity());
                out.writeByte((plan.quantity() + 7) / 8);
                dev.otsdk.spi.WireValues.writeBits(out, coils);
                echo = plan.quantity();
            }
            default -> {
                out.writeShort(plan.quantity());
                out.writeByte(plan.quantity() * 2);
                for (BoundWrite w : plan.writes()) {
                    ValueCodec.encodeRegisters(w.address(ModbusAddress.class), w.value(), out);
                }
                echo = plan.quantity();
            }
        }
    }

    @Override
    List<Status> decode(ByteBuf pdu, Instant received) {
        if (plan.function() == FunctionCodes.MASK_WRITE_REGISTER) {
            int bit = 1 << plan.writes().get(0).address(ModbusAddress.class).bit();
            ResponsePdus.checkMaskEcho(pdu, plan.start(), ~bit & 0xFFFF,
                    (Boolean) plan.writes().get(0).value() ? bit : 0);
        } else {
            ResponsePdus.checkWriteEcho(pdu, plan.function(), plan.start(), echo);
        }
        return Collections.nCopies(plan.writes().size(), Status.GOOD);
    }

    @Override
    String describe() {
        return plan.describe();
    }
}
