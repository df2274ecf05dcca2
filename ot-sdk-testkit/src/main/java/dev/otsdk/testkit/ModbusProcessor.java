package dev.otsdk.testkit;

import dev.otsdk.modbus.ModbusExceptionCode;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.modbus.internal.codec.RequestPdu;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Carries out one request on a unit and writes the response PDU, the way section 6 of the spec says. */
final class ModbusProcessor {

    /** Thrown to answer with an exception response. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Refusal(ModbusExceptionCode code) {
            super(code.name(), null, false, false);
            this.code = code.code();
        }
    }

    private final Supplier<Map<Integer, String>> deviceIds;
    private final Map<Integer, BiFunction<Integer, byte[], byte[]>> custom;

    ModbusProcessor(Supplier<Map<Integer, String>> deviceIds, Map<Integer, BiFunction<Integer, byte[], byte[]>> custom) {
        this.deviceIds = deviceIds;
        this.custom = custom;
    }

    /**
     * Processes a request.
     *
     * @param unit the addressed unit
     * @param q the parsed request
     * @param pdu the request PDU
     * @param out where the response PDU goes
     * @throws Refusal to answer with an exception
     */
    void process(ModbusUnit unit, RequestPdu q, ByteBuf pdu, ByteBuf out) {
        int fc = q.function();
        switch (fc) {
            case FunctionCodes.READ_COILS, FunctionCodes.READ_DISCRETE_INPUTS -> {
                range(q.address(), q.quantity());
                boolean[] bits = unit.bits(fc == FunctionCodes.READ_COILS ? ModbusTable.COILS
                        : ModbusTable.DISCRETE_INPUTS);
                out.writeByte(fc).writeByte((q.quantity() + 7) / 8);
                synchronized (unit) {
                    int b = 0;
                    for (int i = 0; i < q.quantity(); i++) {
                        if (bits[q.address() + i]) {
                            b |= 1 << (i & 7);
                        }
                        if ((i & 7) == 7 || i == q.quantity() - 1) {
                            out.writeByte(b);
                            b = 0;
                        }
                    }
                }
            }
            case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS -> {
                range(q.address(), q.quantity());
                out.writeByte(fc).writeByte(q.quantity() * 2);
                readRegisters(unit, fc == FunctionCodes.READ_HOLDING_REGISTERS ? ModbusTable.HOLDING_REGISTERS
                        : ModbusTable.INPUT_REGISTERS, q.address(), q.quantity(), out);
            }
            case FunctionCodes.WRITE_SINGLE_COIL -> {
                unit.setBits(ModbusTable.COILS, q.address(), q.quantity() == 0xFF00);
                out.writeByte(fc).writeShort(q.address()).writeShort(q.quantity());
            }
            case FunctionCodes.WRITE_SINGLE_REGISTER -> {
                unit.setRegisters(ModbusTable.HOLDING_REGISTERS, q.address(), q.quantity());
                out.writeByte(fc).writeShort(q.address()).writeShort(q.quantity());
            }
            case FunctionCodes.WRITE_MULTIPLE_COILS -> {
                range(q.address(), q.quantity());
                boolean[] v = new boolean[q.quantity()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (pdu.getByte(q.dataIndex() + (i >>> 3)) & (1 << (i & 7))) != 0;
                }
                unit.setBits(ModbusTable.COILS, q.address(), v);
                out.writeByte(fc).writeShort(q.address()).writeShort(q.quantity());
            }
            case FunctionCodes.WRITE_MULTIPLE_REGISTERS -> {
                range(q.address(), q.quantity());
                unit.setRegisters(ModbusTable.HOLDING_REGISTERS, q.address(), words(pdu, q.dataIndex(), q.quantity()));
                out.writeByte(fc).writeShort(q.address()).writeShort(q.quantity());
            }
            case FunctionCodes.MASK_WRITE_REGISTER -> {
                int and = q.writeAddress();
                int or = q.writeQuantity();
                synchronized (unit) {
                    int cur = unit.register(ModbusTable.HOLDING_REGISTERS, q.address());
                    unit.setRegisters(ModbusTable.HOLDING_REGISTERS, q.address(), (cur & and) | (or & ~and & 0xFFFF));
                }
                out.writeByte(fc).writeShort(q.address()).writeShort(and).writeShort(or);
            }
            case FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS -> {
                range(q.address(), q.quantity());
                range(q.writeAddress(), q.writeQuantity());
                synchronized (unit) {
                    unit.setRegisters(ModbusTable.HOLDING_REGISTERS, q.writeAddress(),
                            words(pdu, q.dataIndex(), q.writeQuantity()));
                    out.writeByte(fc).writeByte(q.quantity() * 2);
                    readRegisters(unit, ModbusTable.HOLDING_REGISTERS, q.address(), q.quantity(), out);
                }
            }
            case FunctionCodes.DIAGNOSTICS -> {
                if (q.address() != 0) {
                    throw new Refusal(ModbusExceptionCode.ILLEGAL_FUNCTION);
                }
                out.writeByte(fc).writeShort(0).writeBytes(pdu, q.dataIndex(), q.dataLength());
            }
            case FunctionCodes.ENCAPSULATED_INTERFACE -> {
                if (q.address() != FunctionCodes.MEI_READ_DEVICE_ID) {
                    throw new Refusal(ModbusExceptionCode.ILLEGAL_FUNCTION);
                }
                deviceIdentification(q.quantity(), q.writeAddress(), out);
            }
            default -> {
                BiFunction<Integer, byte[], byte[]> handler = custom.get(fc);
                if (handler == null) {
                    throw new Refusal(ModbusExceptionCode.ILLEGAL_FUNCTION);
                }
                byte[] data = new byte[q.dataLength()];
                pdu.getBytes(q.dataIndex(), data);
                byte[] reply = handler.apply(unit.id(), data);
                out.writeByte(fc).writeBytes(reply, 0, Math.min(reply.length, FunctionCodes.MAX_PDU - 1));
            }
        }
    }

    private static void readRegisters(ModbusUnit unit, ModbusTable table, int address, int count, ByteBuf out) {
        short[] r = unit.registers(table);
        synchronized (unit) {
            for (int i = 0; i < count; i++) {
                out.writeShort(r[address + i]);
            }
        }
    }

    private static int[] words(ByteBuf pdu, int index, int count) {
        int[] w = new int[count];
        for (int i = 0; i < count; i++) {
            w[i] = pdu.getUnsignedShort(index + i * 2);
        }
        return w;
    }

    private static void range(int address, int quantity) {
        if (address + quantity > 65536) {
            throw new Refusal(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
    }

    /** Codes 1 basic (0-2), 2 regular (0-6), 3 extended (all), 4 one object; pages fit in one PDU. */
    private void deviceIdentification(int code, int objectId, ByteBuf out) {
        if (code < 1 || code > 4) {
            throw new Refusal(ModbusExceptionCode.ILLEGAL_DATA_VALUE);
        }
        Map<Integer, String> deviceId = deviceIds.get();
        out.writeByte(FunctionCodes.ENCAPSULATED_INTERFACE).writeByte(FunctionCodes.MEI_READ_DEVICE_ID)
                .writeByte(code).writeByte(0x83);
        if (code == 4) {
            String v = deviceId.get(objectId);
            if (v == null) {
                throw new Refusal(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            out.writeByte(0).writeByte(0).writeByte(1);
            object(out, objectId, v);
            return;
        }
        int max = code == 1 ? 2 : code == 2 ? 6 : 255;
        int start = deviceId.containsKey(objectId) && objectId <= max ? objectId : 0;
        int moreAt = out.writerIndex();
        out.writeByte(0).writeByte(0).writeByte(0);
        int count = 0;
        int used = 7;
        for (Map.Entry<Integer, String> e : deviceId.entrySet()) {
            int id = e.getKey();
            if (id < start || id > max) {
                continue;
            }
            int size = 2 + Math.min(e.getValue().getBytes(StandardCharsets.UTF_8).length, 245);
            if (used + size > FunctionCodes.MAX_PDU) {
                out.setByte(moreAt, 0xFF).setByte(moreAt + 1, id);
                break;
            }
            object(out, id, e.getValue());
            used += size;
            count++;
        }
        out.setByte(moreAt + 2, count);
    }

    private static void object(ByteBuf out, int id, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, 245);
        out.writeByte(id).writeByte(n).writeBytes(b, 0, n);
    }
}
