package dev.otsdk.modbus.internal;

import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.PlannedWrite;
import java.util.List;

/**
 * One write request: FC 5/6 for a single value, 15/16 for a contiguous block, 22 for a register bit.
 *
 * @param unit the unit id
 * @param table the table
 * @param function the function code
 * @param start the first register or coil
 * @param quantity registers or coils
 * @param writes the writes, contiguous and in the caller's order
 */
record WritePlan(int unit, Table table, int function, int start, int quantity, List<BoundWrite> writes)
        implements PlannedWrite {

    String describe() {
        return "FC" + function + " unit " + unit + " " + table.text() + ":" + start + " x" + quantity;
    }
}
