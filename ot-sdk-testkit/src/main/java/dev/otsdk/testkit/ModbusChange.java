package dev.otsdk.testkit;

/**
 * Registers or bits of the {@link ModbusEmulator} changed, by a client's write, a simulation or a
 * test.
 *
 * @param unit the unit id
 * @param table the table
 * @param address the first address changed
 * @param count how many consecutive addresses changed
 */
public record ModbusChange(int unit, ModbusTable table, int address, int count) {
}
