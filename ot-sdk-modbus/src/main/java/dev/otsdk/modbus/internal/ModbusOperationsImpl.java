package dev.otsdk.modbus.internal;

import dev.otsdk.modbus.DeviceIdentification;
import dev.otsdk.modbus.ModbusOperations;
import dev.otsdk.modbus.ModbusPdu;
import dev.otsdk.modbus.ModbusStatistics;
import dev.otsdk.spi.ConnectionAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** {@link ModbusOperations} bound to a session: every call goes to the live connection. */
final class ModbusOperationsImpl implements ModbusOperations {

    private final ModbusSession session;
    private final ConnectionAccess access;

    ModbusOperationsImpl(ModbusSession session, ConnectionAccess access) {
        this.session = session;
        this.access = access;
    }

    private <R> CompletableFuture<R> call(String what, Function<ModbusConnection, CompletableFuture<R>> op) {
        return access.call(what, c -> op.apply((ModbusConnection) c));
    }

    @Override
    public int defaultUnit() {
        return session.defaultUnit();
    }

    @Override
    public ModbusPdu sendPdu(int unit, ModbusPdu request) {
        return await(sendPduAsync(unit, request));
    }

    @Override
    public CompletableFuture<ModbusPdu> sendPduAsync(int unit, ModbusPdu request) {
        ExtensionCalls.Raw call = new ExtensionCalls.Raw(checkUnit(unit), request);
        return call(call.describe(), c -> c.send(call));
    }

    @Override
    public byte[] echo(int unit, byte[] data) {
        return await(echoAsync(unit, data));
    }

    @Override
    public CompletableFuture<byte[]> echoAsync(int unit, byte[] data) {
        ExtensionCalls.Echo call = new ExtensionCalls.Echo(checkUnit(unit), data);
        return call(call.describe(), c -> c.send(call));
    }

    @Override
    public void maskWriteRegister(int unit, int address, int andMask, int orMask) {
        await(maskWriteRegisterAsync(unit, address, andMask, orMask));
    }

    @Override
    public CompletableFuture<Void> maskWriteRegisterAsync(int unit, int address, int andMask, int orMask) {
        ExtensionCalls.MaskWrite call = new ExtensionCalls.MaskWrite(checkUnit(unit), address, andMask, orMask);
        return call(call.describe(), c -> c.send(call));
    }

    @Override
    public int[] readWriteMultipleRegisters(int unit, int readAddress, int readCount, int writeAddress, int[] values) {
        return await(readWriteMultipleRegistersAsync(unit, readAddress, readCount, writeAddress, values));
    }

    @Override
    public CompletableFuture<int[]> readWriteMultipleRegistersAsync(int unit, int readAddress, int readCount,
            int writeAddress, int[] values) {
        ExtensionCalls.ReadWrite call = new ExtensionCalls.ReadWrite(checkUnit(unit), readAddress, readCount,
                writeAddress, values);
        return call(call.describe(), c -> c.send(call));
    }

    @Override
    public DeviceIdentification readDeviceIdentification(int unit) {
        return await(readDeviceIdentificationAsync(unit));
    }

    @Override
    public CompletableFuture<DeviceIdentification> readDeviceIdentificationAsync(int unit) {
        int u = checkUnit(unit);
        return call("FC43/14 unit " + u + " read device identification", c -> c.readDeviceIdentification(u));
    }

    @Override
    public ModbusStatistics statistics() {
        ModbusConnection c = session.current();
        return c == null ? new ModbusStatistics(0, 0, 0, 0, 0) : c.statistics();
    }

    private static int checkUnit(int unit) {
        if (unit < 0 || unit > 255) {
            throw new IllegalArgumentException("unit id must be 0..255, got " + unit);
        }
        return unit;
    }

    /** Waits like the session's blocking methods: the {@link dev.otsdk.api.OtException} is thrown as is. */
    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.otsdk.api.OtException("interrupted while waiting for Modbus", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new dev.otsdk.api.OtException(String.valueOf(c.getMessage()), c);
        }
    }
}
