package dev.otsdk.testkit;

/** A coil or discrete input of a {@link ModbusUnit}. */
public final class ModbusBit {

    private final ModbusUnit unit;
    private final ModbusTable table;
    private final int address;

    ModbusBit(ModbusUnit unit, ModbusTable table, int address) {
        this.unit = unit;
        this.table = table;
        this.address = address;
    }

    /** @return the bit */
    public boolean get() {
        return unit.bit(table, address);
    }

    /**
     * Sets the bit.
     *
     * @param value the value
     * @return this view
     */
    public ModbusBit set(boolean value) {
        unit.setBits(table, address, value);
        return this;
    }

    /**
     * Sets consecutive bits from this one on.
     *
     * @param values the values
     * @return this view
     */
    public ModbusBit set(boolean... values) {
        if (address + values.length > 65536) {
            throw new IllegalArgumentException(values.length + " bits from " + address + " run past 65535");
        }
        unit.setBits(table, address, values);
        return this;
    }

    @Override
    public String toString() {
        return table + "[" + address + "] of unit " + unit.id();
    }
}
