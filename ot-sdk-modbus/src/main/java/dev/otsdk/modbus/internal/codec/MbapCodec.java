package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * The Modbus TCP application protocol header (MBAP): transaction id, protocol id 0, length, unit id,
 * then the PDU. Decoding checks the protocol id and bounds the length field before taking anything.
 */
public final class MbapCodec {

    /** Header bytes, unit id included. */
    public static final int HEADER = 7;
    /** Largest length field: unit id plus a 253-byte PDU. */
    public static final int MAX_LENGTH = 1 + FunctionCodes.MAX_PDU;

    private MbapCodec() {
    }

    /**
     * Takes one frame off the front of {@code in} if it is complete. The PDU is a retained slice of
     * {@code in}.
     *
     * @param in received bytes; the reader index moves past the frame
     * @return the frame, or {@code null} if more bytes are needed
     * @throws ModbusFrameException if the header is invalid
     */
    public static ModbusFrame decode(ByteBuf in) {
        if (in.readableBytes() < HEADER) {
            return null;
        }
        int r = in.readerIndex();
        int protocol = in.getUnsignedShort(r + 2);
        if (protocol != 0) {
            throw new ModbusFrameException("MBAP protocol id must be 0 (Modbus), got " + protocol);
        }
        int length = in.getUnsignedShort(r + 4);
        if (length < 2 || length > MAX_LENGTH) {
            throw new ModbusFrameException("MBAP length must be 2.." + MAX_LENGTH + " (unit id + PDU), got " + length);
        }
        if (in.readableBytes() < 6 + length) {
            return null;
        }
        int transactionId = in.getUnsignedShort(r);
        int unitId = in.getUnsignedByte(r + 6);
        in.skipBytes(HEADER);
        return new ModbusFrame(transactionId, unitId, in.readRetainedSlice(length - 1));
    }

    /**
     * Writes a header; the caller writes the PDU of exactly {@code pduLength} bytes next.
     *
     * @param out the target
     * @param transactionId 0..65535
     * @param unitId 0..255
     * @param pduLength bytes of the PDU that follows
     */
    public static void writeHeader(ByteBuf out, int transactionId, int unitId, int pduLength) {
        out.writeShort(transactionId);
        out.writeShort(0);
        out.writeShort(pduLength + 1);
        out.writeByte(unitId);
    }
}
