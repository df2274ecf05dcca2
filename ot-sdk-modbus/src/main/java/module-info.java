/**
 * The Modbus driver for OT SDK: Modbus TCP ({@code modbus+tcp}), RTU framing over TCP
 * ({@code modbus+rtu+tcp}) and Modbus/TCP Security ({@code modbus+tls}).
 *
 * <p>Applications use it through {@link dev.otsdk.api.OtClient}; Modbus-only operations (raw PDUs,
 * diagnostics, mask write, read/write multiple, device identification) are reached with
 * {@code session.unwrap(ModbusOperations.class)}. The codec package is exported only to the testkit,
 * whose emulator speaks the same wire format.
 */
// The testkit is built after this module, so javac cannot see it when checking the qualified export.
@SuppressWarnings("module")
module dev.otsdk.modbus {
    exports dev.otsdk.modbus;
    exports dev.otsdk.modbus.internal.codec to dev.otsdk.testkit;

    requires transitive dev.otsdk.api;
    requires io.netty.codec;
    requires org.slf4j;

    provides dev.otsdk.spi.Driver with dev.otsdk.modbus.internal.ModbusDriver;
}
