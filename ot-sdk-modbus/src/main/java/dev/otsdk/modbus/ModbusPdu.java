package dev.otsdk.modbus;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A raw Modbus PDU: a function code and the bytes after it, for function codes this SDK has no typed
 * method for (vendor-specific codes, file records, FIFO queues).
 *
 * @param functionCode the function code, 1..127
 * @param data the bytes after the function code; copied on the way in and out
 */
public record ModbusPdu(int functionCode, byte[] data) {

    /**
     * Validates and copies.
     *
     * @param functionCode 1..127
     * @param data at most 252 bytes
     */
    public ModbusPdu {
        if (functionCode < 1 || functionCode > 127) {
            throw new IllegalArgumentException("function code must be 1..127, got " + functionCode);
        }
        if (data.length > 252) {
            throw new IllegalArgumentException("a PDU carries at most 252 data bytes, got " + data.length);
        }
        data = data.clone();
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModbusPdu p && p.functionCode == functionCode && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return functionCode * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ModbusPdu[FC" + functionCode + ", " + HexFormat.of().formatHex(data) + "]";
    }
}
