package dev.otsdk.testkit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The data of one unit id of a {@link ModbusEmulator}: 65536 coils, discrete inputs, input registers
 * and holding registers, all zero at first. Thread-safe: every access locks the unit, and
 * {@link #update(Consumer)} makes several changes atomic for clients (no read sees half of them).
 */
public final class ModbusUnit {

    private final int id;
    private final boolean[] coils = new boolean[65536];
    private final boolean[] discreteInputs = new boolean[65536];
    private final short[] inputRegisters = new short[65536];
    private final short[] holdingRegisters = new short[65536];
    private final List<Consumer<ModbusChange>> listeners;

    ModbusUnit(int id, CopyOnWriteArrayList<Consumer<ModbusChange>> listeners) {
        this.id = id;
        this.listeners = listeners;
    }

    /** @return the unit id */
    public int id() {
        return id;
    }

    /**
     * A holding register.
     *
     * @param address 0..65535
     * @return a typed view starting at that register
     */
    public ModbusRegister holding(int address) {
        return new ModbusRegister(this, ModbusTable.HOLDING_REGISTERS, check(address));
    }

    /**
     * An input register.
     *
     * @param address 0..65535
     * @return a typed view starting at that register
     */
    public ModbusRegister input(int address) {
        return new ModbusRegister(this, ModbusTable.INPUT_REGISTERS, check(address));
    }

    /**
     * A coil.
     *
     * @param address 0..65535
     * @return a view of that coil
     */
    public ModbusBit coil(int address) {
        return new ModbusBit(this, ModbusTable.COILS, check(address));
    }

    /**
     * A discrete input.
     *
     * @param address 0..65535
     * @return a view of that input
     */
    public ModbusBit discrete(int address) {
        return new ModbusBit(this, ModbusTable.DISCRETE_INPUTS, check(address));
    }

    /**
     * Makes several changes atomically: clients see all of them or none.
     *
     * @param changes works on this unit
     */
    public void update(Consumer<ModbusUnit> changes) {
        synchronized (this) {
            changes.accept(this);
        }
    }

    synchronized int register(ModbusTable table, int address) {
        return registers(table)[address] & 0xFFFF;
    }

    void setRegisters(ModbusTable table, int address, int... values) {
        synchronized (this) {
            short[] r = registers(table);
            for (int i = 0; i < values.length; i++) {
                r[address + i] = (short) values[i];
            }
        }
        changed(table, address, values.length);
    }

    synchronized boolean bit(ModbusTable table, int address) {
        return bits(table)[address];
    }

    void setBits(ModbusTable table, int address, boolean... values) {
        synchronized (this) {
            System.arraycopy(values, 0, bits(table), address, values.length);
        }
        changed(table, address, values.length);
    }

    short[] registers(ModbusTable table) {
        return switch (table) {
            case HOLDING_REGISTERS -> holdingRegisters;
            case INPUT_REGISTERS -> inputRegisters;
            default -> throw new IllegalArgumentException(table + " holds bits");
        };
    }

    boolean[] bits(ModbusTable table) {
        return switch (table) {
            case COILS -> coils;
            case DISCRETE_INPUTS -> discreteInputs;
            default -> throw new IllegalArgumentException(table + " holds registers");
        };
    }

    void changed(ModbusTable table, int address, int count) {
        if (!listeners.isEmpty()) {
            ModbusChange c = new ModbusChange(id, table, address, count);
            for (Consumer<ModbusChange> l : listeners) {
                l.accept(c);
            }
        }
    }

    private static int check(int address) {
        if (address < 0 || address > 65535) {
            throw new IllegalArgumentException("address must be 0..65535, got " + address);
        }
        return address;
    }

    @Override
    public String toString() {
        return "ModbusUnit[" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
