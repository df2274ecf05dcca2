/**
 * Modbus-specific operations ({@link dev.otsdk.modbus.ModbusOperations}) and the records they return.
 * Tag reads, writes and subscriptions go through {@link dev.otsdk.api.Session} with the tag syntax
 * described in the module README, e.g. {@code holding:100@CDAB:float32}.
 */
package dev.otsdk.modbus;
