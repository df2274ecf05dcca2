/**
 * Test support for OT SDK: protocol emulators, a JUnit 5 extension that starts and stops them,
 * fault injection shared by all emulators, and an in-memory test PKI.
 *
 * <p>Only {@code dev.otsdk.testkit} is public API; {@code dev.otsdk.testkit.internal} holds
 * implementation details shared by the emulators of this module.
 */
module dev.otsdk.testkit {
    exports dev.otsdk.testkit;

    requires transitive org.junit.jupiter.api;
    // The Modbus emulator reuses the driver's codecs; WordOrder and KeyMaterial appear in its API.
    requires transitive dev.otsdk.modbus;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.codec;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.slf4j;
    // OpcUaEmulator is a Milo server; Milo 1.1.2 jars carry Automatic-Module-Name and split no packages.
    requires org.eclipse.milo.opcua.sdk.server;
    requires org.eclipse.milo.opcua.sdk.core;
    requires org.eclipse.milo.opcua.stack.core;
    requires org.eclipse.milo.opcua.stack.transport;

    provides dev.otsdk.testkit.EmulatorFactory with dev.otsdk.testkit.ModbusEmulatorFactory,
            dev.otsdk.testkit.OpcUaEmulatorFactory;
}
