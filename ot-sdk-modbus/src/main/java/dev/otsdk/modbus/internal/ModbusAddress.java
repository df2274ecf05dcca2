package dev.otsdk.modbus.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.spi.TagAddress;
import dev.otsdk.spi.WordOrder;

/**
 * A parsed Modbus tag address.
 *
 * @param unit the unit id (the session's default unless the tag names one)
 * @param table the data table
 * @param offset the 0-based address of the first register or bit
 * @param bit the bit within the register (0 = least significant), or -1
 * @param order the word order of numeric values
 * @param swapBytes whether string/bytes values have the two bytes of each register swapped
 * @param type the effective value type
 * @param quantity how many registers or bits the value occupies
 */
record ModbusAddress(int unit, Table table, int offset, int bit, WordOrder order, boolean swapBytes, DataType<?> type,
        int quantity) implements TagAddress {

    int end() {
        return offset + quantity;
    }

    boolean isRegisterBit() {
        return bit >= 0;
    }

    @Override
    public String toString() {
        return unit + "/" + table.text() + ":" + offset + (bit >= 0 ? "." + bit : "") + ":" + type.name();
    }
}
