/**
 * OPC UA for OT SDK, on Eclipse Milo 1.1: sessions over {@code opc.tcp://} with every RSA security
 * policy Milo offers, server certificates validated against an OPC UA style PKI folder, NodeId tags,
 * native subscriptions that survive reconnects, browsing and server identity.
 *
 * <p>Applications use it only through {@code dev.otsdk.api}; {@link dev.otsdk.opcua.OpcUa} names the
 * URI options. No Milo type appears in a public signature.
 */
module dev.otsdk.opcua {
    exports dev.otsdk.opcua;

    requires dev.otsdk.api;
    // Milo 1.1.2 ships Automatic-Module-Name entries and no split packages, so it works on the module path.
    requires org.eclipse.milo.opcua.sdk.client;
    requires org.eclipse.milo.opcua.sdk.core;
    requires org.eclipse.milo.opcua.stack.core;
    requires org.eclipse.milo.opcua.stack.transport;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;

    provides dev.otsdk.spi.Driver with dev.otsdk.opcua.internal.OpcUaDriver;
}
