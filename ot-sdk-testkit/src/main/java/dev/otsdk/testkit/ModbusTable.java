package dev.otsdk.testkit;

/** The four data tables of a Modbus unit. */
public enum ModbusTable {
    /** Read/write bits (FC 1, 5, 15). */
    COILS,
    /** Read-only bits (FC 2). */
    DISCRETE_INPUTS,
    /** Read-only registers (FC 4). */
    INPUT_REGISTERS,
    /** Read/write registers (FC 3, 6, 16, 22, 23). */
    HOLDING_REGISTERS
}
