/**
 * OPC UA specifics that applications may want to name: the URI options of {@code opc.tcp://} sessions.
 * Everything else goes through {@code dev.otsdk.api}: {@code OtClient.connect("opc.tcp://host:4840")},
 * {@code Tag.of("ns=2;s=Line1.Temperature", DataType.FLOAT64)}.
 */
package dev.otsdk.opcua;
