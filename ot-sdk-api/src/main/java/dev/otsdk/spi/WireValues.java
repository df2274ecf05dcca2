package dev.otsdk.spi;

import dev.otsdk.api.DataType;
import dev.otsdk.api.ValueConversionException;
import io.netty.buffer.ByteBuf;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.charset.Charset;

/**
 * Conversions between big-endian wire bytes and Java values, shared by every register- or byte-oriented
 * protocol (Modbus, S7). Reads use absolute indexes straight from the received buffer and never change
 * its reader index or copy it; writes append to the target buffer. Word orders apply to values wider
 * than one 16-bit word (see {@link WordOrder}).
 *
 * <p>Reads never look at bytes at or beyond the buffer's writer index: a pooled buffer's capacity is
 * larger than what was received and holds stale bytes, so such a read throws
 * {@link IndexOutOfBoundsException} instead of returning them.
 */
public final class WireValues {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private WireValues() {
    }

    /**
     * Bytes one value or array occupies on the wire, for the numeric kinds.
     *
     * @param type a numeric scalar or array type
     * @return the size in bytes, or -1 if the type is not numeric or an array without a fixed count
     */
    public static int size(DataType<?> type) {
        int element = type.kind().fixedSize();
        if (!type.kind().isNumeric()) {
            return -1;
        }
        if (type instanceof DataType.ArrayOf<?> a) {
            return a.count() < 0 ? -1 : element * a.count();
        }
        return element;
    }

    /**
     * Reads a numeric scalar or array.
     *
     * @param buf the buffer
     * @param index absolute index of the first byte
     * @param type a numeric type (arrays need a fixed count)
     * @param order the word order
     * @return the value as the type's Java type ({@code Short}, {@code int[]}, …)
     * @throws IllegalArgumentException if the type is not numeric or the array has no count
     */
    public static Object read(ByteBuf buf, int index, DataType<?> type, WordOrder order) {
        DataType.Kind kind = type.kind();
        if (!kind.isNumeric()) {
            throw new IllegalArgumentException(type + " is not numeric");
        }
        if (!(type instanceof DataType.ArrayOf<?> a)) {
            checkReadable(buf, index, kind.fixedSize());
            return readScalar(buf, index, kind, order);
        }
        int n = a.count();
        if (n < 0) {
            throw new IllegalArgumentException(type + " has no element count");
        }
        int step = kind.fixedSize();
        checkReadable(buf, index, (long) n * step);
        switch (kind) {
            case INT8: {
                byte[] out = new byte[n];
                buf.getBytes(index, out);
                return out;
            }
            case UINT8: {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getUnsignedByte(index + i);
                }
                return out;
            }
            case INT16: {
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getInt16(buf, index + i * step, order);
                }
                return out;
            }
            case UINT16: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getUInt16(buf, index + i * step, order);
                }
                return out;
            }
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getInt32(buf, index + i * step, order);
                }
                return out;
            }
            case UINT32: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getUInt32(buf, index + i * step, order);
                }
                return out;
            }
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getInt64(buf, index + i * step, order);
                }
                return out;
            }
            case UINT64: {
                BigInteger[] out = new BigInteger[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getUInt64(buf, index + i * step, order);
                }
                return out;
            }
            case FLOAT32: {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getFloat32(buf, index + i * step, order);
                }
                return out;
            }
            case FLOAT64: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = getFloat64(buf, index + i * step, order);
                }
                return out;
            }
            default:
                throw new IllegalArgumentException(type + " is not numeric");
        }
    }

    private static Object readScalar(ByteBuf buf, int index, DataType.Kind kind, WordOrder order) {
        return switch (kind) {
            case INT8 -> buf.getByte(index);
            case UINT8 -> buf.getUnsignedByte(index);
            case INT16 -> getInt16(buf, index, order);
            case UINT16 -> getUInt16(buf, index, order);
            case INT32 -> getInt32(buf, index, order);
            case UINT32 -> getUInt32(buf, index, order);
            case INT64 -> getInt64(buf, index, order);
            case UINT64 -> getUInt64(buf, index, order);
            case FLOAT32 -> getFloat32(buf, index, order);
            case FLOAT64 -> getFloat64(buf, index, order);
            default -> throw new IllegalArgumentException(kind + " is not numeric");
        };
    }

    /**
     * Appends a numeric scalar or array, already converted to the type's Java type.
     *
     * @param buf the target
     * @param type a numeric type
     * @param value the value ({@code Short}, {@code int[]}, …)
     * @param order the word order
     * @throws ValueConversionException if the value is not of the type's Java type, an unsigned value is
     *     out of range (e.g. an {@code Integer} 70000 for {@code uint16}), or an array has another length
     *     than the type's count; nothing is written then
     */
    public static void write(ByteBuf buf, DataType<?> type, Object value, WordOrder order) {
        DataType.Kind kind = type.kind();
        if (!type.javaType().isInstance(value)) {
            throw new ValueConversionException("expected " + type.javaType().getSimpleName() + " for " + type
                    + ", got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        if (!type.isArray()) {
            checkRange(type, kind, value);
            writeScalar(buf, kind, value, order);
            return;
        }
        int count = ((DataType.ArrayOf<?>) type).count();
        int length = Array.getLength(value);
        if (count >= 0 && length != count) {
            throw new ValueConversionException(type + " needs exactly " + count + " elements, got " + length);
        }
        if (kind == DataType.Kind.UINT8 || kind == DataType.Kind.UINT16 || kind == DataType.Kind.UINT32
                || kind == DataType.Kind.UINT64) {
            for (int i = 0; i < length; i++) {
                checkRange(type, kind, Array.get(value, i));
            }
        }
        switch (kind) {
            case INT8 -> buf.writeBytes((byte[]) value);
            case UINT8, INT16 -> {
                for (short s : (short[]) value) {
                    writeScalar(buf, kind, s, order);
                }
            }
            case UINT16, INT32 -> {
                for (int v : (int[]) value) {
                    writeScalar(buf, kind, v, order);
                }
            }
            case UINT32, INT64 -> {
                for (long v : (long[]) value) {
                    writeScalar(buf, kind, v, order);
                }
            }
            case UINT64 -> {
                for (BigInteger v : (BigInteger[]) value) {
                    writeScalar(buf, kind, v, order);
                }
            }
            case FLOAT32 -> {
                for (float v : (float[]) value) {
                    buf.writeInt(order.apply32(Float.floatToRawIntBits(v)));
                }
            }
            case FLOAT64 -> {
                for (double v : (double[]) value) {
                    buf.writeLong(order.apply64(Double.doubleToRawLongBits(v)));
                }
            }
            default -> throw new IllegalArgumentException(type + " is not numeric");
        }
    }

    private static void checkReadable(ByteBuf buf, int index, long length) {
        if (index < 0 || length < 0 || index + length > buf.writerIndex()) {
            throw new IndexOutOfBoundsException("cannot read " + length + " byte(s) at index " + index
                    + ": the buffer holds data up to index " + buf.writerIndex());
        }
    }

    /** Unsigned kinds use a wider Java type, so a value of the right class can still not fit the wire. */
    private static void checkRange(DataType<?> type, DataType.Kind kind, Object value) {
        if (value == null) {
            throw new ValueConversionException("null element in a " + type + " value");
        }
        boolean fits = switch (kind) {
            case UINT8 -> ((Short) value) >= 0 && ((Short) value) <= 0xFF;
            case UINT16 -> ((Integer) value) >= 0 && ((Integer) value) <= 0xFFFF;
            case UINT32 -> ((Long) value) >= 0 && ((Long) value) <= 0xFFFF_FFFFL;
            case UINT64 -> ((BigInteger) value).signum() >= 0 && ((BigInteger) value).bitLength() <= 64;
            default -> true;
        };
        if (!fits) {
            throw new ValueConversionException("value " + value + " is out of range for " + type);
        }
    }

    private static void writeScalar(ByteBuf buf, DataType.Kind kind, Object value, WordOrder order) {
        switch (kind) {
            case INT8 -> buf.writeByte((Byte) value);
            case UINT8 -> buf.writeByte((Short) value);
            case INT16 -> buf.writeShort(order.apply16((Short) value));
            case UINT16 -> buf.writeShort(order.apply16((short) (int) (Integer) value));
            case INT32 -> buf.writeInt(order.apply32((Integer) value));
            case UINT32 -> buf.writeInt(order.apply32((int) (long) (Long) value));
            case INT64 -> buf.writeLong(order.apply64((Long) value));
            case UINT64 -> buf.writeLong(order.apply64(((BigInteger) value).longValue()));
            case FLOAT32 -> buf.writeInt(order.apply32(Float.floatToRawIntBits((Float) value)));
            case FLOAT64 -> buf.writeLong(order.apply64(Double.doubleToRawLongBits((Double) value)));
            default -> throw new IllegalArgumentException(kind + " is not numeric");
        }
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order (only byte swapping applies)
     * @return the signed 16-bit value
     */
    public static short getInt16(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 2);
        return order.apply16(buf.getShort(index));
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order (only byte swapping applies)
     * @return the unsigned 16-bit value
     */
    public static int getUInt16(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 2);
        return order.apply16(buf.getShort(index)) & 0xFFFF;
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the signed 32-bit value
     */
    public static int getInt32(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 4);
        return order.apply32(buf.getInt(index));
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the unsigned 32-bit value
     */
    public static long getUInt32(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 4);
        return order.apply32(buf.getInt(index)) & 0xFFFF_FFFFL;
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the signed 64-bit value
     */
    public static long getInt64(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 8);
        return order.apply64(buf.getLong(index));
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the unsigned 64-bit value
     */
    public static BigInteger getUInt64(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 8);
        long v = order.apply64(buf.getLong(index));
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the IEEE 754 single
     */
    public static float getFloat32(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 4);
        return Float.intBitsToFloat(order.apply32(buf.getInt(index)));
    }

    /**
     * @param buf the buffer
     * @param index absolute index
     * @param order the word order
     * @return the IEEE 754 double
     */
    public static double getFloat64(ByteBuf buf, int index, WordOrder order) {
        checkReadable(buf, index, 8);
        return Double.longBitsToDouble(order.apply64(buf.getLong(index)));
    }

    /**
     * Reads one bit, bits numbered from the least significant bit of each byte (Modbus coils, S7).
     *
     * @param buf the buffer
     * @param index absolute index of the first byte
     * @param bit bit number from {@code index}, 0-based
     * @return the bit
     */
    public static boolean getBit(ByteBuf buf, int index, int bit) {
        checkReadable(buf, index + (bit >>> 3), 1);
        return (buf.getByte(index + (bit >>> 3)) & (1 << (bit & 7))) != 0;
    }

    /**
     * Reads packed bits, least significant bit of each byte first.
     *
     * @param buf the buffer
     * @param index absolute index of the first byte
     * @param firstBit the first bit number, 0-based from {@code index}
     * @param count how many bits
     * @return the bits
     */
    public static boolean[] getBits(ByteBuf buf, int index, int firstBit, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = getBit(buf, index, firstBit + i);
        }
        return out;
    }

    /**
     * Appends bits packed least significant bit first, padding the last byte with zeros.
     *
     * @param buf the target
     * @param bits the bits
     */
    public static void writeBits(ByteBuf buf, boolean[] bits) {
        int b = 0;
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                b |= 1 << (i & 7);
            }
            if ((i & 7) == 7) {
                buf.writeByte(b);
                b = 0;
            }
        }
        if ((bits.length & 7) != 0) {
            buf.writeByte(b);
        }
    }

    /**
     * @param bits a bit count
     * @return bytes needed to carry it packed
     */
    public static int packedBytes(int bits) {
        return (bits + 7) >>> 3;
    }

    /**
     * Reads text of a fixed byte length, stopping at the first NUL character ({@code U+0000}; for UTF-16
     * that is a whole zero code unit, not any zero byte).
     *
     * @param buf the buffer
     * @param index absolute index
     * @param length bytes reserved for the text
     * @param charset the encoding
     * @param swapPairs whether the bytes of each 16-bit word are swapped on the wire
     * @return the text
     */
    public static String getString(ByteBuf buf, int index, int length, Charset charset, boolean swapPairs) {
        checkReadable(buf, index, length);
        String text;
        if (!swapPairs) {
            text = buf.toString(index, length, charset);
        } else {
            byte[] bytes = new byte[length];
            buf.getBytes(index, bytes);
            for (int i = 0; i + 1 < length; i += 2) {
                byte t = bytes[i];
                bytes[i] = bytes[i + 1];
                bytes[i + 1] = t;
            }
            text = new String(bytes, charset);
        }
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /**
     * Appends text in exactly {@code length} bytes, padded with NULs.
     *
     * @param buf the target
     * @param text the text
     * @param length bytes reserved for the text
     * @param charset the encoding
     * @param swapPairs whether to swap the bytes of each 16-bit word
     * @throws ValueConversionException if the encoded text is longer than {@code length}
     */
    public static void writeString(ByteBuf buf, String text, int length, Charset charset, boolean swapPairs) {
        byte[] bytes = text.getBytes(charset);
        if (bytes.length > length) {
            throw new ValueConversionException("text '" + text + "' needs " + bytes.length + " bytes in " + charset
                    + " but only " + length + " are reserved");
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        if (swapPairs) {
            for (int i = 0; i + 1 < length; i += 2) {
                byte t = padded[i];
                padded[i] = padded[i + 1];
                padded[i + 1] = t;
            }
        }
        buf.writeBytes(padded);
    }
}
