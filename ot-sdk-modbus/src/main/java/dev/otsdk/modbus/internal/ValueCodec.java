package dev.otsdk.modbus.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.api.ValueConversionException;
import dev.otsdk.spi.WireValues;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Typed values straight from and to register and bit data in a buffer, through {@link WireValues}. */
final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * Reads a tag's value from a read response.
     *
     * @param a the tag's address
     * @param buf the response PDU
     * @param dataIndex absolute index of the first data byte
     * @param start the first register or bit the response covers
     * @return the value as the address type's Java type
     */
    static Object decode(ModbusAddress a, ByteBuf buf, int dataIndex, int start) {
        int rel = a.offset() - start;
        if (a.table().bits()) {
            return a.type().isArray() ? WireValues.getBits(buf, dataIndex, rel, a.quantity())
                    : WireValues.getBit(buf, dataIndex, rel);
        }
        int index = dataIndex + rel * 2;
        if (a.isRegisterBit()) {
            return (buf.getUnsignedShort(index) & (1 << a.bit())) != 0;
        }
        DataType<?> t = a.type();
        return switch (t.kind()) {
            // Swapped text is read in whole registers so the last byte of an odd length is not lost.
            case STRING -> WireValues.getString(buf, index, a.swapBytes() ? a.quantity() * 2 : length(t),
                    StandardCharsets.UTF_8, a.swapBytes());
            case BYTES -> bytes(buf, index, length(t), a.swapBytes());
            default -> WireValues.read(buf, index, t, a.order());
        };
    }

    /**
     * Writes a register value: exactly {@code a.quantity() * 2} bytes.
     *
     * @param a the tag's address
     * @param value the value, of the address type's Java type
     * @param out the target
     * @throws ValueConversionException if text or bytes do not fit
     */
    static void encodeRegisters(ModbusAddress a, Object value, ByteBuf out) {
        DataType<?> t = a.type();
        switch (t.kind()) {
            case STRING -> {
                String s = (String) value;
                int max = length(t);
                if (s.getBytes(StandardCharsets.UTF_8).length > max) {
                    throw new ValueConversionException("'" + s + "' needs more than the " + max + " bytes of " + t.name());
                }
                WireValues.writeString(out, s, a.quantity() * 2, StandardCharsets.UTF_8, a.swapBytes());
            }
            case BYTES -> {
                byte[] b = (byte[]) value;
                if (b.length != length(t)) {
                    throw new ValueConversionException(t.name() + " needs exactly " + length(t) + " bytes, got "
                            + b.length);
                }
                int from = out.writerIndex();
                out.writeBytes(b);
                if ((b.length & 1) != 0) {
                    out.writeByte(0);
                }
                if (a.swapBytes()) {
                    for (int i = from; i + 1 < out.writerIndex(); i += 2) {
                        out.setShort(i, Short.reverseBytes(out.getShort(i)));
                    }
                }
            }
            default -> WireValues.write(out, t, value, a.order());
        }
    }

    /**
     * Sets the bits of a coil value into a packed bit field.
     *
     * @param a the tag's address
     * @param value {@code Boolean} or {@code boolean[]}
     * @param bits the field, bit 0 being the block's first coil
     * @param blockStart the block's first coil address
     */
    static void setBits(ModbusAddress a, Object value, boolean[] bits, int blockStart) {
        int rel = a.offset() - blockStart;
        if (value instanceof boolean[] array) {
            System.arraycopy(array, 0, bits, rel, array.length);
        } else {
            bits[rel] = (Boolean) value;
        }
    }

    private static int length(DataType<?> t) {
        return ((DataType.Scalar<?, ?>) t).length();
    }

    private static byte[] bytes(ByteBuf buf, int index, int length, boolean swap) {
        byte[] out = new byte[length];
        buf.getBytes(index, out);
        if (swap) {
            for (int i = 0; i + 1 < length; i += 2) {
                byte b = out[i];
                out[i] = out[i + 1];
                out[i + 1] = b;
            }
            if ((length & 1) != 0) {
                out[length - 1] = buf.getByte(index + length);
            }
        }
        return out;
    }
}
