package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * A request PDU as a server sees it, parsed without copying: fixed fields as numbers, variable data as
 * an index range into the PDU buffer.
 *
 * @param function the function code
 * @param address the (read) start address, or the diagnostics sub-function, or the MEI type
 * @param quantity the (read) quantity; FC 5/6: the value; FC 43/14: the read device id code
 * @param writeAddress FC 23: the write start address; FC 22: the AND mask; FC 43/14: the object id
 * @param writeQuantity FC 15/16/23: the quantity written; FC 22: the OR mask
 * @param dataIndex absolute index of variable data (values written, echo data, custom payload)
 * @param dataLength bytes of variable data
 */
public record RequestPdu(int function, int address, int quantity, int writeAddress, int writeQuantity,
        int dataIndex, int dataLength) {

    /**
     * Parses and checks a request, as section 6 of the specification tells a server to: the layout and
     * the quantity limits. Unknown function codes parse with their payload as data, for the server to
     * refuse or handle.
     *
     * @param pdu the PDU, function code first; not consumed
     * @return the request
     * @throws MalformedPduException if the layout or a quantity is wrong (answer ILLEGAL_DATA_VALUE)
     */
    public static RequestPdu parse(ByteBuf pdu) {
        int r = pdu.readerIndex();
        int n = pdu.readableBytes();
        if (n < 1) {
            throw new MalformedPduException("empty PDU");
        }
        int fc = pdu.getUnsignedByte(r);
        switch (fc) {
            case FunctionCodes.READ_COILS, FunctionCodes.READ_DISCRETE_INPUTS -> {
                exactly(fc, n, 5);
                int q = pdu.getUnsignedShort(r + 3);
                range(fc, "quantity", q, 1, FunctionCodes.MAX_READ_BITS);
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), q, 0, 0, r + 5, 0);
            }
            case FunctionCodes.READ_HOLDING_REGISTERS, FunctionCodes.READ_INPUT_REGISTERS -> {
                exactly(fc, n, 5);
                int q = pdu.getUnsignedShort(r + 3);
                range(fc, "quantity", q, 1, FunctionCodes.MAX_READ_REGISTERS);
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), q, 0, 0, r + 5, 0);
            }
            case FunctionCodes.WRITE_SINGLE_COIL -> {
                exactly(fc, n, 5);
                int v = pdu.getUnsignedShort(r + 3);
                if (v != 0 && v != 0xFF00) {
                    throw new MalformedPduException("FC5 value must be 0x0000 or 0xFF00, got " + String.format("0x%04X", v));
                }
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), v, 0, 0, r + 3, 2);
            }
            case FunctionCodes.WRITE_SINGLE_REGISTER -> {
                exactly(fc, n, 5);
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), pdu.getUnsignedShort(r + 3), 0, 0, r + 3, 2);
            }
            case FunctionCodes.WRITE_MULTIPLE_COILS, FunctionCodes.WRITE_MULTIPLE_REGISTERS -> {
                atLeast(fc, n, 6);
                int q = pdu.getUnsignedShort(r + 3);
                int count = pdu.getUnsignedByte(r + 5);
                boolean bits = fc == FunctionCodes.WRITE_MULTIPLE_COILS;
                range(fc, "quantity", q, 1, bits ? FunctionCodes.MAX_WRITE_BITS : FunctionCodes.MAX_WRITE_REGISTERS);
                int expected = bits ? (q + 7) / 8 : q * 2;
                if (count != expected || n != 6 + count) {
                    throw new MalformedPduException("FC" + fc + " byte count " + count + " with " + (n - 6)
                            + " data bytes does not fit quantity " + q + " (expected " + expected + ")");
                }
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), q, 0, q, r + 6, count);
            }
            case FunctionCodes.MASK_WRITE_REGISTER -> {
                exactly(fc, n, 7);
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), 1, pdu.getUnsignedShort(r + 3),
                        pdu.getUnsignedShort(r + 5), r + 7, 0);
            }
            case FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS -> {
                atLeast(fc, n, 10);
                int rq = pdu.getUnsignedShort(r + 3);
                int wq = pdu.getUnsignedShort(r + 7);
                int count = pdu.getUnsignedByte(r + 9);
                range(fc, "read quantity", rq, 1, FunctionCodes.MAX_RW_READ_REGISTERS);
                range(fc, "write quantity", wq, 1, FunctionCodes.MAX_RW_WRITE_REGISTERS);
                if (count != wq * 2 || n != 10 + count) {
                    throw new MalformedPduException("FC23 byte count " + count + " with " + (n - 10)
                            + " data bytes does not fit write quantity " + wq);
                }
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), rq, pdu.getUnsignedShort(r + 5), wq, r + 10,
                        count);
            }
            case FunctionCodes.DIAGNOSTICS -> {
                atLeast(fc, n, 3);
                return new RequestPdu(fc, pdu.getUnsignedShort(r + 1), 0, 0, 0, r + 3, n - 3);
            }
            case FunctionCodes.ENCAPSULATED_INTERFACE -> {
                atLeast(fc, n, 2);
                int mei = pdu.getUnsignedByte(r + 1);
                if (mei == FunctionCodes.MEI_READ_DEVICE_ID) {
                    exactly(fc, n, 4);
                    return new RequestPdu(fc, mei, pdu.getUnsignedByte(r + 2), pdu.getUnsignedByte(r + 3), 0, r + 4, 0);
                }
                return new RequestPdu(fc, mei, 0, 0, 0, r + 2, n - 2);
            }
            default -> {
                return new RequestPdu(fc, 0, 0, 0, 0, r + 1, n - 1);
            }
        }
    }

    private static void exactly(int fc, int n, int expected) {
        if (n != expected) {
            throw new MalformedPduException("FC" + fc + " request must be " + expected + " bytes, got " + n);
        }
    }

    private static void atLeast(int fc, int n, int expected) {
        if (n < expected) {
            throw new MalformedPduException("FC" + fc + " request must be at least " + expected + " bytes, got " + n);
        }
    }

    private static void range(int fc, String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new MalformedPduException("FC" + fc + " " + what + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
