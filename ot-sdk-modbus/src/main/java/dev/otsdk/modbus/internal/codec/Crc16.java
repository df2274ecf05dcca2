package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;

/** The Modbus RTU CRC-16 (polynomial 0xA001 reflected, initial value 0xFFFF), sent low byte first. */
public final class Crc16 {

    private static final int[] TABLE = table();

    private Crc16() {
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            t[i] = crc;
        }
        return t;
    }

    /**
     * Computes the CRC of a range without changing the buffer's indexes.
     *
     * @param buf the buffer
     * @param index absolute index of the first byte
     * @param length number of bytes
     * @return the CRC, 0..0xFFFF
     */
    public static int compute(ByteBuf buf, int index, int length) {
        int crc = 0xFFFF;
        for (int i = index, end = index + length; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ buf.getByte(i)) & 0xFF];
        }
        return crc;
    }

    /**
     * Advances a running CRC by one byte, for checking candidate frame ends in one pass.
     *
     * @param crc the CRC so far (0xFFFF before the first byte)
     * @param b the next byte
     * @return the CRC including {@code b}
     */
    public static int update(int crc, byte b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /**
     * Appends the CRC of everything written since {@code index}, low byte first.
     *
     * @param buf the frame being written
     * @param index absolute index of the frame's first byte (the unit id)
     */
    public static void append(ByteBuf buf, int index) {
        buf.writeShortLE(compute(buf, index, buf.writerIndex() - index));
    }
}
