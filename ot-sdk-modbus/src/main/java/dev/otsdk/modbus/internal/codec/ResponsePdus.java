package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks response PDUs (function code first) against the request they answer, reading only within
 * the PDU and never allocating from a length field. Every method throws {@link MalformedPduException}
 * saying what differs.
 */
public final class ResponsePdus {

    private ResponsePdus() {
    }

    /**
     * The exception code if this is an exception response to {@code fc}.
     *
     * @param pdu the response PDU
     * @param fc the request's function code
     * @return the exception code, or -1 if the response is not an exception
     * @throws MalformedPduException if it is an exception response of the wrong length
     */
    public static int exceptionCode(ByteBuf pdu, int fc) {
        int r = pdu.readerIndex();
        if (pdu.getUnsignedByte(r) != (fc | FunctionCodes.EXCEPTION_BIT)) {
            return -1;
        }
        if (pdu.readableBytes() != 2) {
            throw new MalformedPduException("exception response to FC" + fc + " must be 2 bytes, got "
                    + pdu.readableBytes());
        }
        return pdu.getUnsignedByte(r + 1);
    }

    /**
     * Checks the function code of a normal response.
     *
     * @param pdu the response PDU
     * @param fc the request's function code
     * @throws MalformedPduException if the function code differs
     */
    public static void checkFunction(ByteBuf pdu, int fc) {
        int got = pdu.getUnsignedByte(pdu.readerIndex());
        if (got != fc) {
            throw new MalformedPduException("expected a response with FC" + fc + ", got FC" + got);
        }
    }

    /**
     * Checks a read response (FC 1, 2, 3, 4, 23): byte count and PDU length.
     *
     * @param pdu the response PDU
     * @param fc the request's function code
     * @param expectedBytes data bytes the request asked for
     * @return the absolute index of the first data byte
     * @throws MalformedPduException if the function code, byte count or length differ
     */
    public static int readData(ByteBuf pdu, int fc, int expectedBytes) {
        checkFunction(pdu, fc);
        int r = pdu.readerIndex();
        if (pdu.readableBytes() < 2) {
            throw new MalformedPduException("FC" + fc + " response has no byte count");
        }
        int count = pdu.getUnsignedByte(r + 1);
        if (count != expectedBytes) {
            throw new MalformedPduException("FC" + fc + " response byte count is " + count + ", expected "
                    + expectedBytes);
        }
        if (pdu.readableBytes() != 2 + count) {
            throw new MalformedPduException("FC" + fc + " response carries " + (pdu.readableBytes() - 2)
                    + " data bytes, its byte count says " + count);
        }
        return r + 2;
    }

    /**
     * Checks a write response (FC 5, 6, 15, 16), which echoes address and value or quantity.
     *
     * @param pdu the response PDU
     * @param fc the request's function code
     * @param address the address written
     * @param second the value (FC 5, 6) or quantity (FC 15, 16) written
     * @throws MalformedPduException if anything differs
     */
    public static void checkWriteEcho(ByteBuf pdu, int fc, int address, int second) {
        checkFunction(pdu, fc);
        if (pdu.readableBytes() != 5) {
            throw new MalformedPduException("FC" + fc + " response must be 5 bytes, got " + pdu.readableBytes());
        }
        int r = pdu.readerIndex();
        int a = pdu.getUnsignedShort(r + 1);
        int s = pdu.getUnsignedShort(r + 3);
        if (a != address || s != second) {
            throw new MalformedPduException(String.format("FC%d response echoes address %d / %s %d, request had %d / %d",
                    fc, a, fc <= 6 ? "value" : "quantity", s, address, second));
        }
    }

    /**
     * Checks a mask write response (FC 22), an echo of the request.
     *
     * @param pdu the response PDU
     * @param address the register
     * @param andMask the AND mask
     * @param orMask the OR mask
     * @throws MalformedPduException if anything differs
     */
    public static void checkMaskEcho(ByteBuf pdu, int address, int andMask, int orMask) {
        checkFunction(pdu, FunctionCodes.MASK_WRITE_REGISTER);
        if (pdu.readableBytes() != 7) {
            throw new MalformedPduException("FC22 response must be 7 bytes, got " + pdu.readableBytes());
        }
        int r = pdu.readerIndex();
        if (pdu.getUnsignedShort(r + 1) != address || pdu.getUnsignedShort(r + 3) != andMask
                || pdu.getUnsignedShort(r + 5) != orMask) {
            throw new MalformedPduException("FC22 response does not echo the request");
        }
    }

    /**
     * Checks a diagnostics response, which echoes the sub-function and its data.
     *
     * @param pdu the response PDU
     * @param subFunction the sub-function sent
     * @param dataLength the length of the data sent
     * @return the absolute index of the echoed data
     * @throws MalformedPduException if the sub-function or length differ
     */
    public static int diagnosticsData(ByteBuf pdu, int subFunction, int dataLength) {
        checkFunction(pdu, FunctionCodes.DIAGNOSTICS);
        if (pdu.readableBytes() != 3 + dataLength) {
            throw new MalformedPduException("FC8 response must be " + (3 + dataLength) + " bytes, got "
                    + pdu.readableBytes());
        }
        int r = pdu.readerIndex();
        int sub = pdu.getUnsignedShort(r + 1);
        if (sub != subFunction) {
            throw new MalformedPduException("FC8 response has sub-function " + sub + ", expected " + subFunction);
        }
        return r + 3;
    }

    /**
     * One page of a Read Device Identification response.
     *
     * @param conformity the conformity level byte
     * @param moreFollows whether another request (from {@code nextObjectId}) is needed
     * @param nextObjectId where the next page starts
     * @param objects object id to value, in wire order
     */
    public record DeviceIdPage(int conformity, boolean moreFollows, int nextObjectId, Map<Integer, String> objects) {
    }

    /**
     * Parses a Read Device Identification (FC 43 / MEI 14) response.
     *
     * @param pdu the response PDU
     * @param readCode the read device id code sent (1 basic, 2 regular, 3 extended, 4 one object)
     * @return the page
     * @throws MalformedPduException if the layout is wrong or an object runs past the PDU
     */
    public static DeviceIdPage deviceId(ByteBuf pdu, int readCode) {
        checkFunction(pdu, FunctionCodes.ENCAPSULATED_INTERFACE);
        int r = pdu.readerIndex();
        int n = pdu.readableBytes();
        if (n < 7) {
            throw new MalformedPduException("FC43/14 response must be at least 7 bytes, got " + n);
        }
        if (pdu.getUnsignedByte(r + 1) != FunctionCodes.MEI_READ_DEVICE_ID) {
            throw new MalformedPduException("FC43 response has MEI type " + pdu.getUnsignedByte(r + 1) + ", expected 14");
        }
        if (pdu.getUnsignedByte(r + 2) != readCode) {
            throw new MalformedPduException("FC43/14 response has read code " + pdu.getUnsignedByte(r + 2)
                    + ", expected " + readCode);
        }
        int conformity = pdu.getUnsignedByte(r + 3);
        int more = pdu.getUnsignedByte(r + 4);
        if (more != 0 && more != 0xFF) {
            throw new MalformedPduException("FC43/14 'more follows' must be 0x00 or 0xFF, got " + more);
        }
        int next = pdu.getUnsignedByte(r + 5);
        int count = pdu.getUnsignedByte(r + 6);
        Map<Integer, String> objects = new LinkedHashMap<>();
        int pos = r + 7;
        int end = r + n;
        for (int i = 0; i < count; i++) {
            if (pos + 2 > end) {
                throw new MalformedPduException("FC43/14 response announces " + count + " objects but ends after " + i);
            }
            int id = pdu.getUnsignedByte(pos);
            int length = pdu.getUnsignedByte(pos + 1);
            if (pos + 2 + length > end) {
                throw new MalformedPduException("FC43/14 object " + id + " has length " + length
                        + " but only " + (end - pos - 2) + " bytes are left");
            }
            objects.put(id, pdu.toString(pos + 2, length, StandardCharsets.UTF_8));
            pos += 2 + length;
        }
        if (pos != end) {
            throw new MalformedPduException("FC43/14 response has " + (end - pos) + " bytes after its last object");
        }
        return new DeviceIdPage(conformity, more == 0xFF, next, objects);
    }
}
