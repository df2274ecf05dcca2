package dev.otsdk.modbus.internal;

import dev.otsdk.api.DeviceException;
import dev.otsdk.modbus.ModbusExceptionCode;
import io.netty.buffer.ByteBuf;
import java.time.Instant;

/**
 * One request/response exchange: writes its PDU straight into the outgoing buffer and decodes the
 * response PDU into a result that holds no buffer.
 *
 * @param <T> the result type
 */
abstract class ModbusCall<T> {

    private final int unit;

    ModbusCall(int unit) {
        this.unit = unit;
    }

    final int unit() {
        return unit;
    }

    /** @return the function code */
    abstract int function();

    /** @return PDU bytes, function code included */
    abstract int pduLength();

    /**
     * Writes the PDU, function code first.
     *
     * @param out the frame being written
     */
    abstract void writePdu(ByteBuf out);

    /**
     * Decodes a normal (non-exception) response.
     *
     * @param pdu the response PDU, function code first; valid only during the call
     * @param received when it arrived
     * @return the result
     * @throws dev.otsdk.modbus.internal.codec.MalformedPduException if it does not fit the request
     */
    abstract T decode(ByteBuf pdu, Instant received);

    /** @return e.g. {@code FC3 unit 1 holding:100 x10}, for messages */
    abstract String describe();

    DeviceException refused(int exceptionCode) {
        return new DeviceException("Modbus " + describe(), ModbusExceptionCode.statusOf(exceptionCode));
    }

    @Override
    public String toString() {
        return describe();
    }
}
