package dev.otsdk.modbus.internal;

import dev.otsdk.modbus.ModbusPdu;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.modbus.internal.codec.ResponsePdus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.Instant;

/** The calls behind {@link dev.otsdk.modbus.ModbusOperations}. */
final class ExtensionCalls {

    private ExtensionCalls() {
    }

    /** Any function code; the response is returned as it came. */
    static final class Raw extends ModbusCall<ModbusPdu> {
        private final ModbusPdu request;

        Raw(int unit, ModbusPdu request) {
            super(unit);
            this.request = request;
        }

        @Override
        int function() {
            return request.functionCode();
        }

        @Override
        int pduLength() {
            return 1 + request.data().length;
        }

        @Override
        void writePdu(ByteBuf out) {
            out.writeByte(request.functionCode());
            out.writeBytes(request.data());
        }

        @Override
        ModbusPdu decode(ByteBuf pdu, Instant received) {
            ResponsePdus.checkFunction(pdu, request.functionCode());
            return new ModbusPdu(request.functionCode(), ByteBufUtil.getBytes(pdu, pdu.readerIndex() + 1,
                    pdu.readableBytes() - 1));
        }

        @Override
        String describe() {
            return "FC" + request.functionCode() + " unit " + unit() + " raw PDU";
        }
    }

    /** FC 8 sub-function 0: Return Query Data. */
    static final class Echo extends ModbusCall<byte[]> {
        private final byte[] data;

        Echo(int unit, byte[] data) {
            super(unit);
            if (data.length > FunctionCodes.MAX_PDU - 3) {
                throw new IllegalArgumentException("echo data is at most " + (FunctionCodes.MAX_PDU - 3)
                        + " bytes, got " + data.length);
            }
            this.data = data.clone();
        }

        @Override
        int function() {
            return FunctionCodes.DIAGNOSTICS;
        }

        @Override
        int pduLength() {
            return 3 + data.length;
        }

        @Override
        void writePdu(ByteBuf out) {
            out.writeByte(FunctionCodes.DIAGNOSTICS);
            out.writeShort(0);
            out.writeBytes(data);
        }

        @Override
        byte[] decode(ByteBuf pdu, Instant received) {
            int at = ResponsePdus.diagnosticsData(pdu, 0, data.length);
            return ByteBufUtil.getBytes(pdu, at, data.length);
        }

        @Override
        String describe() {
            return "FC8/00 unit " + unit() + " echo of " + data.length + " bytes";
        }
    }

    /** FC 22. */
    static final class MaskWrite extends ModbusCall<Void> {
        private final int address;
        private final int andMask;
        private final int orMask;

        MaskWrite(int unit, int address, int andMask, int orMask) {
            super(unit);
            this.address = check(address, "address");
            this.andMask = check(andMask, "andMask");
            this.orMask = check(orMask, "orMask");
        }

        @Override
        int function() {
            return FunctionCodes.MASK_WRITE_REGISTER;
        }

        @Override
        int pduLength() {
            return 7;
        }

        @Override
        void writePdu(ByteBuf out) {
            out.writeByte(FunctionCodes.MASK_WRITE_REGISTER);
            out.writeShort(address);
            out.writeShort(andMask);
            out.writeShort(orMask);
        }

        @Override
        Void decode(ByteBuf pdu, Instant received) {
            ResponsePdus.checkMaskEcho(pdu, address, andMask, orMask);
            return null;
        }

        @Override
        String describe() {
            return "FC22 unit " + unit() + " holding:" + address;
        }
    }

    /** FC 23. */
    static final class ReadWrite extends ModbusCall<int[]> {
        private final int readAddress;
        private final int readCount;
        private final int writeAddress;
        private final int[] values;

        ReadWrite(int unit, int readAddress, int readCount, int writeAddress, int[] values) {
            super(unit);
            this.readAddress = check(readAddress, "readAddress");
            this.writeAddress = check(writeAddress, "writeAddress");
            if (readCount < 1 || readCount > FunctionCodes.MAX_RW_READ_REGISTERS) {
                throw new IllegalArgumentException("readCount must be 1..125, got " + readCount);
            }
            if (values.length < 1 || values.length > FunctionCodes.MAX_RW_WRITE_REGISTERS) {
                throw new IllegalArgumentException("FC23 writes 1..121 registers, got " + values.length);
            }
            for (int v : values) {
                check(v, "register value");
            }
            this.readCount = readCount;
            this.values = values.clone();
        }

        @Override
        int function() {
            return FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS;
        }

        @Override
        int pduLength() {
            return 10 + values.length * 2;
        }

        @Override
        void writePdu(ByteBuf out) {
            out.writeByte(FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS);
            out.writeShort(readAddress);
            out.writeShort(readCount);
            out.writeShort(writeAddress);
            out.writeShort(values.length);
            out.writeByte(values.length * 2);
            for (int v : values) {
                out.writeShort(v);
            }
        }

        @Override
        int[] decode(ByteBuf pdu, Instant received) {
            int at = ResponsePdus.readData(pdu, FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS, readCount * 2);
            int[] out = new int[readCount];
            for (int i = 0; i < readCount; i++) {
                out[i] = pdu.getUnsignedShort(at + i * 2);
            }
            return out;
        }

        @Override
        String describe() {
            return "FC23 unit " + unit() + " read holding:" + readAddress + " x" + readCount + ", write holding:"
                    + writeAddress + " x" + values.length;
        }
    }

    /** FC 43 / MEI 14, one page. */
    static final class DeviceId extends ModbusCall<ResponsePdus.DeviceIdPage> {
        private final int readCode;
        private final int objectId;

        DeviceId(int unit, int readCode, int objectId) {
            super(unit);
            this.readCode = readCode;
            this.objectId = objectId;
        }

        @Override
        int function() {
            return FunctionCodes.ENCAPSULATED_INTERFACE;
        }

        @Override
        int pduLength() {
            return 4;
        }

        @Override
        void writePdu(ByteBuf out) {
            out.writeByte(FunctionCodes.ENCAPSULATED_INTERFACE);
            out.writeByte(FunctionCodes.MEI_READ_DEVICE_ID);
            out.writeByte(readCode);
            out.writeByte(objectId);
        }

        @Override
        ResponsePdus.DeviceIdPage decode(ByteBuf pdu, Instant received) {
            return ResponsePdus.deviceId(pdu, readCode);
        }

        @Override
        String describe() {
            return "FC43/14 unit " + unit() + " read device id code " + readCode + " from object " + objectId;
        }
    }

    private static int check(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + " must be 0..65535, got " + v);
        }
        return v;
    }
}
