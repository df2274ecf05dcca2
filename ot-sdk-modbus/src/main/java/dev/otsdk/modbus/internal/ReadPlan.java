package dev.otsdk.modbus.internal;

import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.PlannedRead;
import java.util.List;

/**
 * One read request: a contiguous range of one table of one unit, covering the tags.
 *
 * @param unit the unit id
 * @param table the table
 * @param start the first register or bit
 * @param quantity registers or bits
 * @param tags the tags, each within the range
 */
record ReadPlan(int unit, Table table, int start, int quantity, List<BoundTag> tags) implements PlannedRead {

    String describe() {
        return "FC" + table.readFunction() + " unit " + unit + " " + table.text() + ":" + start + " x" + quantity;
    }
}
