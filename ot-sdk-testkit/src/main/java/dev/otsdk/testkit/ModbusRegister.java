package dev.otsdk.testkit;

import dev.otsdk.spi.WordOrder;
import java.nio.charset.StandardCharsets;

/**
 * Typed access to registers of a {@link ModbusUnit} from one address on, with the same word orders as
 * the client's tags ({@code holding:100@CDAB:float32} reads what {@code holding(100).setFloat32(v,
 * WordOrder.CDAB)} wrote). Multi-register values are written atomically.
 */
public final class ModbusRegister {

    private final ModbusUnit unit;
    private final ModbusTable table;
    private final int address;

    ModbusRegister(ModbusUnit unit, ModbusTable table, int address) {
        this.unit = unit;
        this.table = table;
        this.address = address;
    }

    /**
     * Sets raw register values from this address on.
     *
     * @param values 16-bit values (only the low 16 bits count)
     * @return this view
     */
    public ModbusRegister setWords(int... values) {
        if (address + values.length > 65536) {
            throw new IllegalArgumentException(values.length + " registers from " + address + " run past 65535");
        }
        unit.setRegisters(table, address, values);
        return this;
    }

    /**
     * Reads raw register values.
     *
     * @param count how many
     * @return unsigned 16-bit values
     */
    public int[] words(int count) {
        int[] out = new int[count];
        synchronized (unit) {
            for (int i = 0; i < count; i++) {
                out[i] = unit.register(table, address + i);
            }
        }
        return out;
    }

    /**
     * @param value a signed 16-bit value
     * @return this view
     */
    public ModbusRegister setInt16(int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("not an int16: " + value);
        }
        return setWords(value & 0xFFFF);
    }

    /**
     * @param value an unsigned 16-bit value
     * @return this view
     */
    public ModbusRegister setUInt16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("not a uint16: " + value);
        }
        return setWords(value);
    }

    /** @return the register as a signed 16-bit value */
    public short getInt16() {
        return (short) unit.register(table, address);
    }

    /** @return the register as an unsigned 16-bit value */
    public int getUInt16() {
        return unit.register(table, address);
    }

    /**
     * @param value the value, written big-endian (ABCD)
     * @return this view
     */
    public ModbusRegister setInt32(int value) {
        return setInt32(value, WordOrder.ABCD);
    }

    /**
     * @param value the value
     * @param order the word order
     * @return this view
     */
    public ModbusRegister setInt32(int value, WordOrder order) {
        int w = order.apply32(value);
        return setWords(w >>> 16, w & 0xFFFF);
    }

    /**
     * @param order the word order
     * @return two registers as a signed 32-bit value
     */
    public int getInt32(WordOrder order) {
        int[] w = words(2);
        return order.apply32((w[0] << 16) | w[1]);
    }

    /**
     * @param value an unsigned 32-bit value
     * @param order the word order
     * @return this view
     */
    public ModbusRegister setUInt32(long value, WordOrder order) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a uint32: " + value);
        }
        return setInt32((int) value, order);
    }

    /**
     * @param value the value
     * @param order the word order
     * @return this view
     */
    public ModbusRegister setInt64(long value, WordOrder order) {
        long w = order.apply64(value);
        return setWords((int) (w >>> 48) & 0xFFFF, (int) (w >>> 32) & 0xFFFF, (int) (w >>> 16) & 0xFFFF,
                (int) w & 0xFFFF);
    }

    /**
     * @param order the word order
     * @return four registers as a signed 64-bit value
     */
    public long getInt64(WordOrder order) {
        int[] w = words(4);
        return order.apply64(((long) w[0] << 48) | ((long) w[1] << 32) | ((long) w[2] << 16) | w[3]);
    }

    /**
     * @param value the value, written big-endian (ABCD)
     * @return this view
     */
    public ModbusRegister setFloat32(float value) {
        return setFloat32(value, WordOrder.ABCD);
    }

    /**
     * @param value the value
     * @param order the word order
     * @return this view
     */
    public ModbusRegister setFloat32(float value, WordOrder order) {
        return setInt32(Float.floatToRawIntBits(value), order);
    }

    /** @return two registers as a big-endian float */
    public float getFloat32() {
        return getFloat32(WordOrder.ABCD);
    }

    /**
     * @param order the word order
     * @return two registers as a float
     */
    public float getFloat32(WordOrder order) {
        return Float.intBitsToFloat(getInt32(order));
    }

    /**
     * @param value the value
     * @param order the word order
     * @return this view
     */
    public ModbusRegister setFloat64(double value, WordOrder order) {
        return setInt64(Double.doubleToRawLongBits(value), order);
    }

    /**
     * @param order the word order
     * @return four registers as a double
     */
    public double getFloat64(WordOrder order) {
        return Double.longBitsToDouble(getInt64(order));
    }

    /**
     * Writes text in UTF-8, padded with NULs to {@code lengthBytes} (rounded up to whole registers).
     *
     * @param text the text
     * @param lengthBytes the bytes reserved
     * @param swapBytes whether the two bytes of each register are swapped
     * @return this view
     */
    public ModbusRegister setString(String text, int lengthBytes, boolean swapBytes) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length > lengthBytes) {
            throw new IllegalArgumentException("'" + text + "' needs " + b.length + " bytes, " + lengthBytes
                    + " are reserved");
        }
        int[] words = new int[(lengthBytes + 1) / 2];
        for (int i = 0; i < words.length; i++) {
            int hi = 2 * i < b.length ? b[2 * i] & 0xFF : 0;
            int lo = 2 * i + 1 < b.length ? b[2 * i + 1] & 0xFF : 0;
            words[i] = swapBytes ? (lo << 8) | hi : (hi << 8) | lo;
        }
        return setWords(words);
    }

    /**
     * Reads text up to the first NUL.
     *
     * @param lengthBytes the bytes reserved
     * @param swapBytes whether the two bytes of each register are swapped
     * @return the text
     */
    public String getString(int lengthBytes, boolean swapBytes) {
        int[] words = words((lengthBytes + 1) / 2);
        byte[] b = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            int hi = words[i] >>> 8;
            int lo = words[i] & 0xFF;
            b[2 * i] = (byte) (swapBytes ? lo : hi);
            b[2 * i + 1] = (byte) (swapBytes ? hi : lo);
        }
        int end = 0;
        while (end < lengthBytes && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return table + "[" + address + "] of unit " + unit.id();
    }
}
