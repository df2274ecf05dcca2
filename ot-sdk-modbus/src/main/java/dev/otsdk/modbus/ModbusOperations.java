package dev.otsdk.modbus;

import dev.otsdk.api.DeviceException;
import java.util.concurrent.CompletableFuture;

/**
 * Modbus operations beyond tag reads and writes, reached with
 * {@code session.unwrap(ModbusOperations.class)}. Every method takes the unit id to address, so one
 * connection to a gateway reaches several devices. Requests share the session's connection, window
 * and timeout; a device's exception response fails with a {@link DeviceException} whose status is the
 * {@link ModbusExceptionCode}.
 *
 * <pre>{@code
 * ModbusOperations mb = session.unwrap(ModbusOperations.class);
 * DeviceIdentification id = mb.readDeviceIdentification(1);
 * mb.maskWriteRegister(1, 10, 0xFF00, 0x0012);
 * }</pre>
 */
public interface ModbusOperations {

    /** @return the session's default unit id ({@code unit=} in the URI) */
    int defaultUnit();

    /**
     * Sends a raw PDU and returns the raw response, for function codes without a typed method.
     *
     * @param unit the unit id
     * @param request the request PDU
     * @return the response PDU
     * @throws DeviceException if the device answered with an exception response
     */
    ModbusPdu sendPdu(int unit, ModbusPdu request);

    /**
     * Asynchronous {@link #sendPdu(int, ModbusPdu)}.
     *
     * @param unit the unit id
     * @param request the request PDU
     * @return the response PDU
     */
    CompletableFuture<ModbusPdu> sendPduAsync(int unit, ModbusPdu request);

    /**
     * Diagnostics (FC 8) sub-function 0, Return Query Data: the device echoes the data.
     *
     * @param unit the unit id
     * @param data the data to echo, at most 250 bytes
     * @return the echoed data
     */
    byte[] echo(int unit, byte[] data);

    /**
     * Asynchronous {@link #echo(int, byte[])}.
     *
     * @param unit the unit id
     * @param data the data to echo
     * @return the echoed data
     */
    CompletableFuture<byte[]> echoAsync(int unit, byte[] data);

    /**
     * Mask Write Register (FC 22): {@code register = (register AND andMask) OR (orMask AND NOT andMask)}.
     *
     * @param unit the unit id
     * @param address the holding register, 0-based
     * @param andMask the AND mask
     * @param orMask the OR mask
     */
    void maskWriteRegister(int unit, int address, int andMask, int orMask);

    /**
     * Asynchronous {@link #maskWriteRegister(int, int, int, int)}.
     *
     * @param unit the unit id
     * @param address the holding register
     * @param andMask the AND mask
     * @param orMask the OR mask
     * @return completes when acknowledged
     */
    CompletableFuture<Void> maskWriteRegisterAsync(int unit, int address, int andMask, int orMask);

    /**
     * Read/Write Multiple Registers (FC 23): writes, then reads, in one transaction.
     *
     * @param unit the unit id
     * @param readAddress first holding register to read
     * @param readCount registers to read, 1..125
     * @param writeAddress first holding register to write
     * @param values register values to write (1..121, each 0..65535)
     * @return the registers read, as unsigned values
     */
    int[] readWriteMultipleRegisters(int unit, int readAddress, int readCount, int writeAddress, int[] values);

    /**
     * Asynchronous {@link #readWriteMultipleRegisters(int, int, int, int, int[])}.
     *
     * @param unit the unit id
     * @param readAddress first holding register to read
     * @param readCount registers to read
     * @param writeAddress first holding register to write
     * @param values register values to write
     * @return the registers read
     */
    CompletableFuture<int[]> readWriteMultipleRegistersAsync(int unit, int readAddress, int readCount,
            int writeAddress, int[] values);

    /**
     * Read Device Identification (FC 43 / MEI 14): all objects the device offers (extended, falling
     * back to basic), following "more follows" across as many requests as needed.
     *
     * @param unit the unit id
     * @return the objects
     */
    DeviceIdentification readDeviceIdentification(int unit);

    /**
     * Asynchronous {@link #readDeviceIdentification(int)}.
     *
     * @param unit the unit id
     * @return the objects
     */
    CompletableFuture<DeviceIdentification> readDeviceIdentificationAsync(int unit);

    /** @return the counters of the current connection (all zero while not connected) */
    ModbusStatistics statistics();
}
