package dev.otsdk.modbus;

import dev.otsdk.api.Status;

/**
 * The exception codes of the Modbus Application Protocol Specification V1.1b3, section 7. A device
 * exception surfaces as a {@link dev.otsdk.api.DeviceException} whose {@link Status} carries the code
 * and the name used here.
 */
public enum ModbusExceptionCode {
    /** 01: the function code is not supported, or not allowed (also: Modbus/TCP Security role refused). */
    ILLEGAL_FUNCTION(1, "the function code is not supported or not allowed"),
    /** 02: the address, or address plus quantity, is not valid for the device. */
    ILLEGAL_DATA_ADDRESS(2, "the data address is not valid for the device"),
    /** 03: a value in the request is not allowed (quantity, byte count, value). */
    ILLEGAL_DATA_VALUE(3, "a value in the request is not allowed"),
    /** 04: an unrecoverable error occurred while the device performed the action. */
    SERVER_DEVICE_FAILURE(4, "the device failed while performing the action"),
    /** 05: accepted, processing takes long; poll for completion. */
    ACKNOWLEDGE(5, "the request was accepted but takes long to process"),
    /** 06: the device is busy with a long-running command; retry later. */
    SERVER_DEVICE_BUSY(6, "the device is busy; retry later"),
    /** 08: memory parity error on file record access. */
    MEMORY_PARITY_ERROR(8, "the device detected a memory parity error"),
    /** 0A: the gateway could not allocate a path to the target. */
    GATEWAY_PATH_UNAVAILABLE(0x0A, "the gateway has no path to the target unit"),
    /** 0B: the gateway's target did not answer. */
    GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND(0x0B, "the target unit behind the gateway did not respond");

    private final int code;
    private final String description;

    ModbusExceptionCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** @return the code on the wire */
    public int code() {
        return code;
    }

    /** @return a sentence for people */
    public String description() {
        return description;
    }

    /** @return this code as a {@link Status} */
    public Status status() {
        return new Status(code, name(), description);
    }

    /**
     * Looks up a code.
     *
     * @param code the code on the wire
     * @return the constant, or {@code null} for a code the specification does not define
     */
    public static ModbusExceptionCode of(int code) {
        for (ModbusExceptionCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    /**
     * The status for any code, including ones the specification does not define.
     *
     * @param code the code on the wire
     * @return the status, named {@code EXCEPTION_0xNN} for unknown codes
     */
    public static Status statusOf(int code) {
        ModbusExceptionCode c = of(code);
        return c != null ? c.status()
                : new Status(code, String.format("EXCEPTION_0x%02X", code), "a device-specific exception code");
    }
}
