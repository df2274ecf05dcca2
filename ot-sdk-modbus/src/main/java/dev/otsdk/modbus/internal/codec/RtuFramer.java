package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * Finds frame boundaries in a stream of Modbus RTU frames (unit id, PDU, CRC-16 low byte first), as
 * RTU-over-TCP gateways send them. RTU has no length field: the length follows from the function code
 * and, where the PDU has one, its byte count. For function codes whose length cannot be known (FC 8
 * echoes, custom codes) the framer takes the shortest prefix whose CRC matches; a false match has a
 * chance of 1 in 65536 per candidate length. Frames are at most 256 bytes.
 */
public final class RtuFramer {

    /** Largest RTU frame. */
    public static final int MAX_FRAME = 256;
    /** Returned when more bytes are needed. */
    public static final int NEED_MORE = -1;
    private static final int MIN_FRAME = 4;

    /** Which way frames travel, because requests and responses of one function code differ. */
    public enum Direction {
        /** Client to server. */
        REQUEST,
        /** Server to client. */
        RESPONSE
    }

    private RtuFramer() {
    }

    /**
     * Takes one frame off the front of {@code in} if it is complete and its CRC matches. The PDU is a
     * retained slice of {@code in}.
     *
     * @param in received bytes; the reader index moves past the frame
     * @param direction whether {@code in} carries requests or responses
     * @return the frame, or {@code null} if more bytes are needed
     * @throws ModbusFrameException if the frame is too long or its CRC does not match
     */
    public static ModbusFrame decode(ByteBuf in, Direction direction) {
        int length = frameLength(in, direction);
        if (length == NEED_MORE) {
            return null;
        }
        int r = in.readerIndex();
        int expected = Crc16.compute(in, r, length - 2);
        int actual = in.getUnsignedShortLE(r + length - 2);
        if (expected != actual) {
            throw new ModbusFrameException(String.format("RTU CRC mismatch in a %d-byte frame for FC%d: computed 0x%04X,"
                    + " frame says 0x%04X", length, in.getUnsignedByte(r + 1), expected, actual));
        }
        int unitId = in.readUnsignedByte();
        ModbusFrame frame = new ModbusFrame(ModbusFrame.NO_TRANSACTION, unitId, in.readRetainedSlice(length - 3));
        in.skipBytes(2);
        return frame;
    }

    /**
     * The length of the frame at the reader index, CRC included.
     *
     * @param in received bytes, not consumed
     * @param direction whether {@code in} carries requests or responses
     * @return the length, or {@link #NEED_MORE}
     * @throws ModbusFrameException if the frame would be longer than {@link #MAX_FRAME}
     */
    public static int frameLength(ByteBuf in, Direction direction) {
        int n = in.readableBytes();
        if (n < 2) {
            return NEED_MORE;
        }
        int r = in.readerIndex();
        int fc = in.getUnsignedByte(r + 1);
        int length = direction == Direction.RESPONSE ? responseLength(in, r, n, fc) : requestLength(in, r, n, fc);
        if (length == Integer.MIN_VALUE) {
            return scanForCrc(in, r, n, fc);
        }
        if (length > MAX_FRAME) {
            throw new ModbusFrameException("RTU frame for FC" + fc + " would be " + length + " bytes; at most "
                    + MAX_FRAME + " are allowed");
        }
        return length <= n && length > 0 ? length : NEED_MORE;
    }

    /** @return the length, NEED_MORE (as 0) while the byte count is not in yet, MIN_VALUE to scan */
    private static int responseLength(ByteBuf in, int r, int n, int fc) {
        if ((fc & FunctionCodes.EXCEPTION_BIT) != 0) {
            return 5;
        }
        switch (fc) {
            case FunctionCodes.READ_COILS, FunctionCodes.READ_DISCRETE_INPUTS, FunctionCodes.READ_HOLDING_REGISTERS,
                    FunctionCodes.READ_INPUT_REGISTERS, FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS:
                return n < 3 ? 0 : 5 + in.getUnsignedByte(r + 2);
            case FunctionCodes.WRITE_SINGLE_COIL, FunctionCodes.WRITE_SINGLE_REGISTER,
                    FunctionCodes.WRITE_MULTIPLE_COILS, FunctionCodes.WRITE_MULTIPLE_REGISTERS:
                return 8;
            case FunctionCodes.MASK_WRITE_REGISTER:
                return 10;
            case FunctionCodes.ENCAPSULATED_INTERFACE:
                return n < 3 ? 0 : in.getUnsignedByte(r + 2) == FunctionCodes.MEI_READ_DEVICE_ID
                        ? deviceIdLength(in, r, n) : Integer.MIN_VALUE;
            default:
                return Integer.MIN_VALUE;
        }
    }

    private static int requestLength(ByteBuf in, int r, int n, int fc) {
        switch (fc) {
            case FunctionCodes.READ_COILS, FunctionCodes.READ_DISCRETE_INPUTS, FunctionCodes.READ_HOLDING_REGISTERS,
                    FunctionCodes.READ_INPUT_REGISTERS, FunctionCodes.WRITE_SINGLE_COIL,
                    FunctionCodes.WRITE_SINGLE_REGISTER:
                return 8;
            case FunctionCodes.WRITE_MULTIPLE_COILS, FunctionCodes.WRITE_MULTIPLE_REGISTERS:
                return n < 7 ? 0 : 9 + in.getUnsignedByte(r + 6);
            case FunctionCodes.MASK_WRITE_REGISTER:
                return 10;
            case FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS:
                return n < 11 ? 0 : 13 + in.getUnsignedByte(r + 10);
            case FunctionCodes.ENCAPSULATED_INTERFACE:
                return n < 3 ? 0 : in.getUnsignedByte(r + 2) == FunctionCodes.MEI_READ_DEVICE_ID ? 7
                        : Integer.MIN_VALUE;
            default:
                return Integer.MIN_VALUE;
        }
    }

    /** unit fc mei code conformity more next count, then count x (id, length, value), then CRC. */
    private static int deviceIdLength(ByteBuf in, int r, int n) {
        if (n < 8) {
            return 0;
        }
        int objects = in.getUnsignedByte(r + 7);
        int pos = 8;
        for (int i = 0; i < objects; i++) {
            if (pos + 2 > n) {
                return pos + 2 > MAX_FRAME ? pos + 2 : 0;
            }
            pos += 2 + in.getUnsignedByte(r + pos + 1);
            if (pos > MAX_FRAME) {
                return pos;
            }
        }
        return pos + 2;
    }

    private static int scanForCrc(ByteBuf in, int r, int n, int fc) {
        int limit = Math.min(n, MAX_FRAME);
        int crc = 0xFFFF;
        // One pass: after byte i the running CRC is that of a frame ending with a CRC at i+1, i+2.
        for (int i = 0; i + 2 < limit; i++) {
            crc = Crc16.update(crc, in.getByte(r + i));
            int length = i + 3;
            if (length >= MIN_FRAME && crc == in.getUnsignedShortLE(r + i + 1)) {
                return length;
            }
        }
        if (n >= MAX_FRAME) {
            throw new ModbusFrameException("no RTU frame for FC" + fc + " with a matching CRC within " + MAX_FRAME
                    + " bytes");
        }
        return NEED_MORE;
    }
}
