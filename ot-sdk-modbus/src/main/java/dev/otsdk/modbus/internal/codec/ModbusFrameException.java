package dev.otsdk.modbus.internal.codec;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A frame on the wire breaks the MBAP or RTU framing rules (protocol id, length field, CRC). The byte
 * stream cannot be trusted after this, so the connection is closed.
 */
public final class ModbusFrameException extends CorruptedFrameException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, with the values seen and expected
     */
    public ModbusFrameException(String message) {
        super(message);
    }
}
