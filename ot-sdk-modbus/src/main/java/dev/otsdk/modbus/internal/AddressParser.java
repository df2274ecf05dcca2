package dev.otsdk.modbus.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.spi.WordOrder;
import java.util.Locale;

/**
 * Parses Modbus tag addresses (see the module README for the grammar):
 *
 * <pre>
 * [unit "/"] (area ":" offset | modicon) ["." bit] ["@" order] ["[" count "]"]
 * </pre>
 *
 * with the value type from the tag ({@code holding:100@CDAB:float32}). Errors name the position in
 * the tag's text form and what was expected there.
 */
final class AddressParser {

    private static final String AREAS = "an area: coil, discrete, input or holding (or a Modicon number such as 400101)";

    private final String spec;
    private final String text;
    private final DataType<?> declared;
    private final int defaultUnit;
    private final int maxRegisters;
    private final int maxBits;
    private int pos;

    private AddressParser(Tag<?> tag, int defaultUnit, int maxRegisters, int maxBits) {
        this.text = tag.address();
        this.spec = tag.spec();
        this.declared = tag.type();
        this.defaultUnit = defaultUnit;
        this.maxRegisters = maxRegisters;
        this.maxBits = maxBits;
    }

    /**
     * Parses a tag's address.
     *
     * @param tag the tag
     * @param defaultUnit the session's unit id
     * @param maxRegisters registers one read may cover
     * @param maxBits bits one read may cover
     * @return the address
     * @throws TagAddressException naming the position and what was expected
     */
    static ModbusAddress parse(Tag<?> tag, int defaultUnit, int maxRegisters, int maxBits) {
        return new AddressParser(tag, defaultUnit, maxRegisters, maxBits).parse();
    }

    private ModbusAddress parse() {
        int unit = unitPrefix();
        Table table;
        int offset;
        if (pos < text.length() && Character.isDigit(text.charAt(pos)) && isModicon()) {
            table = Table.ofModiconDigit(text.charAt(pos));
            offset = modicon();
        } else {
            int start = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            table = Table.ofName(text.substring(start, pos));
            if (table == null) {
                throw error(start, AREAS);
            }
            expect(':', "':' and an offset after the area, e.g. " + table.text() + ":100");
            offset = number(0, 65535, "an offset 0..65535");
        }
        int bit = -1;
        if (peek('.')) {
            pos++;
            if (table.bits()) {
                throw error(pos - 1, "'@', '[' or the end: " + table.text() + " addresses are single bits already");
            }
            bit = number(0, 15, "a bit number 0..15 (0 is the least significant)");
        }
        int orderAt = -1;
        String order = null;
        if (peek('@')) {
            orderAt = ++pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            order = text.substring(orderAt, pos).toUpperCase(Locale.ROOT);
            if (order.isEmpty()) {
                throw error(orderAt, "a word order after '@': ABCD, CDAB, BADC or DCBA (strings: AB or BA)");
            }
        }
        int count = -1;
        int countAt = -1;
        if (peek('[')) {
            countAt = pos;
            pos++;
            count = number(1, 65536, "an element count of 1 or more");
            expect(']', "']' closing the count");
        }
        if (pos != text.length()) {
            throw error(pos, "'.bit', '@order', '[count]' or the end of the address");
        }
        DataType<?> type = resolveType(table, bit, count, countAt);
        WordOrder wordOrder = WordOrder.ABCD;
        boolean swap = false;
        if (order != null) {
            if (bit >= 0 || table.bits()) {
                throw error(orderAt - 1, "the end: a word order applies to register values, not to bits");
            }
            if (type.kind() == DataType.Kind.STRING || type.kind() == DataType.Kind.BYTES) {
                swap = switch (order) {
                    case "AB", "ABCD" -> false;
                    case "BA", "BADC" -> true;
                    default -> throw error(orderAt, "a byte order for text and bytes: AB (as sent) or BA (bytes of"
                            + " each register swapped)");
                };
            } else {
                wordOrder = WordOrder.parse(order, spec, orderAt);
            }
        }
        int quantity = quantity(table, bit, type);
        int limit = table.bits() ? maxBits : maxRegisters;
        if (quantity > limit) {
            throw error(-1, type.name() + " at " + table.text() + ":" + offset + " spans " + quantity
                    + (table.bits() ? " bits" : " registers") + ", more than one request may read (" + limit
                    + ", option " + (table.bits() ? "maxBits" : "maxRegisters") + "); split it into several tags");
        }
        if (offset + quantity > 65536) {
            throw error(-1, type.name() + " at " + table.text() + ":" + offset + " runs past the last address 65535");
        }
        return new ModbusAddress(unit, table, offset, bit, wordOrder, swap, type, quantity);
    }

    private int unitPrefix() {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return defaultUnit;
        }
        if (slash == 0) {
            throw error(0, "a unit id 0..255 before '/'");
        }
        int unit = number(0, 255, "a unit id 0..255 before '/'");
        if (pos != slash) {
            throw error(pos, "'/' after the unit id, e.g. 3/holding:100");
        }
        pos++;
        return unit;
    }

    /** All digits up to the first of . @ [ (or 'x' as second character) makes a Modicon number. */
    private boolean isModicon() {
        int i = pos;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)))) {
            i++;
        }
        return i == text.length() || text.charAt(i) != ':';
    }

    private int modicon() {
        int start = pos;
        if (Table.ofModiconDigit(text.charAt(pos)) == null) {
            throw error(pos, "a Modicon area digit: 0 (coils), 1 (discrete inputs), 3 (input registers) or"
                    + " 4 (holding registers)");
        }
        pos++;
        boolean xForm = peek('x') || peek('X');
        if (xForm) {
            pos++;
        }
        int digitsAt = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        int digits = pos - digitsAt;
        if (digits == 0 || !xForm && (digits < 4 || digits > 5)) {
            throw error(digitsAt, xForm ? "a 1-based register number after '" + text.substring(start, digitsAt) + "'"
                    : "a Modicon number of 5 or 6 digits, e.g. 40001 or 400001 (1-based)");
        }
        long n = Long.parseLong(text.substring(digitsAt, pos));
        if (n < 1 || n > 65536) {
            throw error(digitsAt, "a 1-based register number 1..65536 (Modicon numbers count from 1)");
        }
        return (int) n - 1;
    }

    private DataType<?> resolveType(Table table, int bit, int count, int countAt) {
        DataType<?> t = declared;
        int typeAt = text.length() + 1;
        if (count > 0) {
            if (t.isArray()) {
                throw error(countAt, "no '[count]' in the address when the type is an array already (" + t.name() + ")");
            }
            if (t == DataType.AUTO) {
                t = table.bits() || bit >= 0 ? DataType.BOOL : DataType.UINT16;
            }
            if (!(t instanceof DataType.Scalar<?, ?> s) || s.kind().takesLength()) {
                throw error(countAt, "no '[count]': arrays of " + t.name() + " are not supported");
            }
            t = s.array(count);
        }
        if (t == DataType.AUTO) {
            return table.bits() || bit >= 0 ? DataType.BOOL : DataType.UINT16;
        }
        DataType.Kind k = t.kind();
        if (table.bits() || bit >= 0) {
            if (k != DataType.Kind.BOOL || bit >= 0 && t.isArray()) {
                throw error(typeAt, bit >= 0 ? "bool: a bit in a register is a single bool"
                        : "bool or bool[n]: " + table.text() + " addresses hold bits");
            }
            return t;
        }
        if (k == DataType.Kind.BOOL) {
            throw error(typeAt, "a register type; for one bit of a register write " + table.text() + ":N.bit");
        }
        if (k == DataType.Kind.STRING || k == DataType.Kind.BYTES) {
            if (t.isArray()) {
                throw error(typeAt, "a single " + k.name().toLowerCase(Locale.ROOT) + "(n): arrays of text are not"
                        + " supported");
            }
            if (((DataType.Scalar<?, ?>) t).length() < 1) {
                throw error(typeAt, k.name().toLowerCase(Locale.ROOT) + "(n) with a length in bytes, e.g. "
                        + k.name().toLowerCase(Locale.ROOT) + "(20)");
            }
            return t;
        }
        if (!k.isNumeric() || k == DataType.Kind.INT8 || k == DataType.Kind.UINT8) {
            throw error(typeAt, "a Modbus register type: int16, uint16, int32, uint32, int64, uint64, float32, float64,"
                    + " string(n) or bytes(n), or bool for coils, discrete inputs and register bits");
        }
        return t;
    }

    private static int quantity(Table table, int bit, DataType<?> type) {
        if (bit >= 0) {
            return 1;
        }
        if (table.bits()) {
            return type instanceof DataType.ArrayOf<?> a ? a.count() : 1;
        }
        if (type.kind() == DataType.Kind.STRING || type.kind() == DataType.Kind.BYTES) {
            return (((DataType.Scalar<?, ?>) type).length() + 1) / 2;
        }
        return dev.otsdk.spi.WireValues.size(type) / 2;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c, String expected) {
        if (!peek(c)) {
            throw error(pos, expected);
        }
        pos++;
    }

    private int number(int min, int max, String expected) {
        int start = pos;
        int radix = 10;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            radix = 16;
            pos += 2;
        }
        int digitsAt = pos;
        while (pos < text.length() && Character.digit(text.charAt(pos), radix) >= 0) {
            pos++;
        }
        if (pos == digitsAt || pos - digitsAt > 9) {
            throw error(start, expected);
        }
        long n = Long.parseLong(text.substring(digitsAt, pos), radix);
        if (n < min || n > max) {
            throw error(start, expected);
        }
        return (int) n;
    }

    private TagAddressException error(int position, String expected) {
        return new TagAddressException(spec, position, expected);
    }
}
