package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.DataType;
import dev.otsdk.api.ValueConversionException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WireValuesTest {

    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Every buffer a test allocates; all are released after each test, so a leak here is the code's. */
    private final List<ByteBuf> buffers = new ArrayList<>();

    @AfterEach
    void releaseAll() {
        for (ByteBuf b : buffers) {
            assertThat(b.refCnt()).as("nothing else released our buffer").isEqualTo(1);
            b.release();
        }
        buffers.clear();
    }

    private ByteBuf empty() {
        ByteBuf b = ALLOC.buffer();
        buffers.add(b);
        return b;
    }

    /** A buffer holding the bytes, with a 3-byte prefix already read so absolute and relative indexes differ. */
    private ByteBuf wire(String hex) {
        ByteBuf b = empty();
        b.writeBytes(new byte[] {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE});
        b.writeBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
        b.readerIndex(3);
        return b;
    }

    private static String hex(ByteBuf b) {
        return ByteBufUtil.hexDump(b, b.readerIndex(), b.readableBytes()).toUpperCase();
    }

    private String written(DataType<?> type, Object value, WordOrder order) {
        ByteBuf b = empty();
        WireValues.write(b, type, value, order);
        assertThat(b.readableBytes()).isEqualTo(WireValues.size(type));
        return hex(b);
    }

    private static Object read(ByteBuf b, DataType<?> type, WordOrder order) {
        int reader = b.readerIndex();
        int writer = b.writerIndex();
        Object v = WireValues.read(b, 3, type, order);
        assertThat(b.readerIndex()).as("reader index").isEqualTo(reader);
        assertThat(b.writerIndex()).as("writer index").isEqualTo(writer);
        return v;
    }

    // ---- known vectors ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ABCD, 42F6E979, 11223344",
        "CDAB, E97942F6, 33441122",
        "BADC, F64279E9, 22114433",
        "DCBA, 79E9F642, 44332211",
    })
    void thirtyTwoBitVectors(WordOrder order, String floatWire, String intWire) {
        assertThat(read(wire(floatWire), DataType.FLOAT32, order)).isEqualTo(123.456f);
        assertThat(read(wire(intWire), DataType.INT32, order)).isEqualTo(0x11223344);
        assertThat(read(wire(intWire), DataType.UINT32, order)).isEqualTo(0x11223344L);
        assertThat(WireValues.getFloat32(wire(floatWire), 3, order)).isEqualTo(123.456f);
        assertThat(WireValues.getInt32(wire(intWire), 3, order)).isEqualTo(0x11223344);
        assertThat(written(DataType.FLOAT32, 123.456f, order)).isEqualTo(floatWire);
        assertThat(written(DataType.INT32, 0x11223344, order)).isEqualTo(intWire);
        assertThat(written(DataType.UINT32, 0x11223344L, order)).isEqualTo(intWire);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ABCD, 1122334455667788, 405EDD2F1A9FBE77",
        "CDAB, 7788556633441122, BE771A9FDD2F405E",
        "BADC, 2211443366558877, 5E402FDD9F1A77BE",
        "DCBA, 8877665544332211, 77BE9F1A2FDD5E40",
    })
    void sixtyFourBitVectors(WordOrder order, String longWire, String doubleWire) {
        assertThat(Double.doubleToRawLongBits(123.456)).isEqualTo(0x405EDD2F1A9FBE77L);
        assertThat(read(wire(longWire), DataType.INT64, order)).isEqualTo(0x1122334455667788L);
        assertThat(read(wire(longWire), DataType.UINT64, order)).isEqualTo(BigInteger.valueOf(0x1122334455667788L));
        assertThat(read(wire(doubleWire), DataType.FLOAT64, order)).isEqualTo(123.456);
        assertThat(written(DataType.INT64, 0x1122334455667788L, order)).isEqualTo(longWire);
        assertThat(written(DataType.UINT64, BigInteger.valueOf(0x1122334455667788L), order)).isEqualTo(longWire);
        assertThat(written(DataType.FLOAT64, 123.456, order)).isEqualTo(doubleWire);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ABCD, 1122", "CDAB, 1122", "BADC, 2211", "DCBA, 2211"})
    void sixteenBitValuesAreOnlyByteSwapped(WordOrder order, String wireHex) {
        assertThat(read(wire(wireHex), DataType.INT16, order)).isEqualTo((short) 0x1122);
        assertThat(read(wire(wireHex), DataType.UINT16, order)).isEqualTo(0x1122);
        assertThat(written(DataType.INT16, (short) 0x1122, order)).isEqualTo(wireHex);
        assertThat(written(DataType.UINT16, 0x1122, order)).isEqualTo(wireHex);
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void eightBitValuesIgnoreTheOrder(WordOrder order) {
        assertThat(read(wire("FF"), DataType.INT8, order)).isEqualTo((byte) -1);
        assertThat(read(wire("FF"), DataType.UINT8, order)).isEqualTo((short) 255);
        assertThat(read(wire("7F"), DataType.INT8, order)).isEqualTo((byte) 127);
        assertThat(written(DataType.INT8, (byte) -2, order)).isEqualTo("FE");
        assertThat(written(DataType.UINT8, (short) 200, order)).isEqualTo("C8");
    }

    // ---- unsignedness ----

    @Test
    void unsignedKindsNeverComeOutNegative() {
        assertThat(read(wire("FFFF"), DataType.UINT16, WordOrder.ABCD)).isEqualTo(65535);
        assertThat(read(wire("FFFF"), DataType.INT16, WordOrder.ABCD)).isEqualTo((short) -1);
        assertThat(read(wire("8000"), DataType.UINT16, WordOrder.ABCD)).isEqualTo(32768);
        assertThat(WireValues.getUInt16(wire("0080"), 3, WordOrder.DCBA)).isEqualTo(32768);
        assertThat(read(wire("FFFFFFFF"), DataType.UINT32, WordOrder.ABCD)).isEqualTo(4294967295L);
        assertThat(read(wire("FFFFFFFF"), DataType.INT32, WordOrder.ABCD)).isEqualTo(-1);
        assertThat(read(wire("00008000"), DataType.UINT32, WordOrder.CDAB)).isEqualTo(0x80000000L);
        assertThat(read(wire("FFFFFFFFFFFFFFFF"), DataType.UINT64, WordOrder.ABCD))
                .isEqualTo(TWO_64.subtract(BigInteger.ONE));
        assertThat(read(wire("FFFFFFFFFFFFFFFF"), DataType.INT64, WordOrder.ABCD)).isEqualTo(-1L);
        assertThat(read(wire("8000000000000000"), DataType.UINT64, WordOrder.ABCD))
                .isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(read(wire("0000000000000080"), DataType.UINT64, WordOrder.DCBA))
                .isEqualTo(BigInteger.ONE.shiftLeft(63));
        assertThat(read(wire("0000000000000001"), DataType.UINT64, WordOrder.ABCD)).isEqualTo(BigInteger.ONE);
        assertThat(written(DataType.UINT16, 65535, WordOrder.ABCD)).isEqualTo("FFFF");
        assertThat(written(DataType.UINT32, 4294967295L, WordOrder.ABCD)).isEqualTo("FFFFFFFF");
        assertThat(written(DataType.UINT64, TWO_64.subtract(BigInteger.ONE), WordOrder.CDAB))
                .isEqualTo("FFFFFFFFFFFFFFFF");
        assertThat(written(DataType.UINT64, BigInteger.ONE.shiftLeft(63), WordOrder.CDAB))
                .isEqualTo("0000000000008000");
    }

    @Test
    void outOfRangeUnsignedValuesAreRejectedNotTruncated() {
        ByteBuf b = empty();
        List<Object[]> cases = List.of(
                new Object[] {DataType.UINT8, (short) 256}, new Object[] {DataType.UINT8, (short) -1},
                new Object[] {DataType.UINT16, 65536}, new Object[] {DataType.UINT16, -1},
                new Object[] {DataType.UINT32, 0x1_0000_0000L}, new Object[] {DataType.UINT32, -1L},
                new Object[] {DataType.UINT64, TWO_64}, new Object[] {DataType.UINT64, BigInteger.valueOf(-1)},
                new Object[] {DataType.UINT16.array(2), new int[] {1, 70000}});
        for (Object[] c : cases) {
            assertThatThrownBy(() -> WireValues.write(b, (DataType<?>) c[0], c[1], WordOrder.ABCD))
                    .as("%s", c[0]).isInstanceOf(ValueConversionException.class)
                    .hasMessageContaining("out of range for " + c[0]);
        }
        assertThat(b.readableBytes()).as("nothing written").isZero();
    }

    // ---- arrays ----

    static Stream<Arguments> arrays() {
        return Stream.of(
                Arguments.of(DataType.INT8.array(3), new byte[] {1, -1, 127}, "01FF7F"),
                Arguments.of(DataType.UINT8.array(3), new short[] {1, 255, 128}, "01FF80"),
                Arguments.of(DataType.INT16.array(2), new short[] {0x1122, -1}, "2211FFFF"),
                Arguments.of(DataType.UINT16.array(2), new int[] {0x1122, 65535}, "2211FFFF"),
                Arguments.of(DataType.INT32.array(2), new int[] {0x11223344, -2}, "22114433FFFFFEFF"),
                Arguments.of(DataType.UINT32.array(2), new long[] {0x11223344L, 0xFFFFFFFEL}, "22114433FFFFFEFF"),
                Arguments.of(DataType.INT64.array(2), new long[] {0x1122334455667788L, -1},
                        "2211443366558877FFFFFFFFFFFFFFFF"),
                Arguments.of(DataType.UINT64.array(2),
                        new BigInteger[] {BigInteger.valueOf(0x1122334455667788L), TWO_64.subtract(BigInteger.TWO)},
                        "2211443366558877FFFFFFFFFFFFFEFF"),
                Arguments.of(DataType.FLOAT32.array(2), new float[] {123.456f, -0f}, "F64279E90080" + "0000"),
                Arguments.of(DataType.FLOAT64.array(1), new double[] {123.456}, "5E402FDD9F1A77BE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void arraysOfEveryNumericKindWithByteSwap(DataType<?> type, Object value, String wireHex) {
        assertThat(written(type, value, WordOrder.BADC)).isEqualTo(wireHex);
        Object back = read(wire(wireHex), type, WordOrder.BADC);
        assertThat(back).isInstanceOf(type.javaType());
        assertThat(DataType.valuesEqual(back, value)).as("read back %s", type).isTrue();
        assertThat(WireValues.size(type)).isEqualTo(wireHex.length() / 2);
    }

    @Test
    void arrayCountMustMatchTheType() {
        ByteBuf b = empty();
        assertThatThrownBy(() -> WireValues.write(b, DataType.INT16.array(3), new short[2], WordOrder.ABCD))
                .isInstanceOf(ValueConversionException.class).hasMessage("int16[3] needs exactly 3 elements, got 2");
        assertThatThrownBy(() -> WireValues.write(b, DataType.UINT64.array(1), new BigInteger[1], WordOrder.ABCD))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("null element");
        assertThat(b.readableBytes()).isZero();
        WireValues.write(b, DataType.INT16.array(), new short[] {1, 2, 3}, WordOrder.ABCD);
        assertThat(hex(b)).isEqualTo("000100020003");
    }

    @Test
    void readRejectsNonNumericAndOpenArrays() {
        ByteBuf b = wire("00000000");
        assertThatThrownBy(() -> WireValues.read(b, 3, DataType.STRING, WordOrder.ABCD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("string is not numeric");
        assertThatThrownBy(() -> WireValues.read(b, 3, DataType.BOOL.array(2), WordOrder.ABCD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireValues.read(b, 3, DataType.INT16.array(), WordOrder.ABCD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("int16[] has no element count");
    }

    @Test
    void readsNeverLookPastTheWriterIndex() {
        // a pooled buffer has spare capacity with stale bytes after the writer index
        ByteBuf b = wire("00000000");
        b.setBytes(7, new byte[] {1, 2, 3, 4});
        assertThat(b.capacity()).isGreaterThan(b.writerIndex());
        assertThatThrownBy(() -> WireValues.read(b, 3, DataType.INT32.array(2), WordOrder.ABCD))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("cannot read 8 byte(s) at index 3: the buffer holds data up to index 7");
        assertThatThrownBy(() -> WireValues.read(b, 4, DataType.INT32, WordOrder.ABCD))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.getInt64(b, 3, WordOrder.ABCD)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.getUInt16(b, 6, WordOrder.ABCD))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.getBit(b, 3, 32)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.getBits(b, 3, 30, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.getString(b, 3, 5, StandardCharsets.US_ASCII, false))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WireValues.read(b, -1, DataType.INT8, WordOrder.ABCD))
                .isInstanceOf(IndexOutOfBoundsException.class);
        // the last readable bytes themselves are fine
        assertThat(WireValues.getInt32(b, 3, WordOrder.ABCD)).isZero();
        assertThat(WireValues.getBit(b, 3, 31)).isFalse();
        assertThat(WireValues.read(b, 3, DataType.UINT8.array(4), WordOrder.ABCD)).isEqualTo(new short[4]);
    }

    @Test
    void writeRejectsWrongJavaTypes() {
        ByteBuf b = empty();
        assertThatThrownBy(() -> WireValues.write(b, DataType.INT16, 5, WordOrder.ABCD))
                .isInstanceOf(ValueConversionException.class).hasMessage("expected Short for int16, got Integer");
        assertThatThrownBy(() -> WireValues.write(b, DataType.UINT16.array(1), new short[1], WordOrder.ABCD))
                .isInstanceOf(ValueConversionException.class).hasMessage("expected int[] for uint16[1], got short[]");
        assertThatThrownBy(() -> WireValues.write(b, DataType.FLOAT32, null, WordOrder.ABCD))
                .isInstanceOf(ValueConversionException.class).hasMessage("expected Float for float32, got null");
        assertThat(b.readableBytes()).isZero();
    }

    @Test
    void sizes() {
        assertThat(WireValues.size(DataType.INT8)).isEqualTo(1);
        assertThat(WireValues.size(DataType.UINT16)).isEqualTo(2);
        assertThat(WireValues.size(DataType.FLOAT32)).isEqualTo(4);
        assertThat(WireValues.size(DataType.UINT64)).isEqualTo(8);
        assertThat(WireValues.size(DataType.FLOAT64.array(10))).isEqualTo(80);
        assertThat(WireValues.size(DataType.INT16.array())).as("open array").isEqualTo(-1);
        assertThat(WireValues.size(DataType.BOOL)).isEqualTo(-1);
        assertThat(WireValues.size(DataType.STRING.length(10))).isEqualTo(-1);
        assertThat(WireValues.size(DataType.LTIME)).isEqualTo(-1);
    }

    // ---- bits ----

    @Test
    void bitsAreLeastSignificantFirst() {
        ByteBuf b = wire("01 80 A5");
        assertThat(WireValues.getBit(b, 3, 0)).isTrue();
        assertThat(WireValues.getBit(b, 3, 1)).isFalse();
        assertThat(WireValues.getBit(b, 3, 7)).isFalse();
        assertThat(WireValues.getBit(b, 3, 8)).isFalse();
        assertThat(WireValues.getBit(b, 3, 15)).isTrue();
        assertThat(WireValues.getBits(b, 3, 0, 24)).containsExactly(
                true, false, false, false, false, false, false, false,
                false, false, false, false, false, false, false, true,
                true, false, true, false, false, true, false, true);
        // from an offset crossing a byte boundary
        assertThat(WireValues.getBits(b, 3, 14, 5)).containsExactly(false, true, true, false, true);
        assertThat(WireValues.getBits(b, 3, 0, 0)).isEmpty();
        assertThat(b.readerIndex()).isEqualTo(3);
        assertThat(b.writerIndex()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ''",
        "1, 01",
        "0, 00",
        "1011, 0D",
        "1000000, 01",
        "00000001, 80",
        "100000001, 0101",
        "1111111111111111, FFFF",
        "1010010110000000101, A50105",
    })
    void writeBitsPadsTheLastByteWithZeros(String bitText, String expected) {
        boolean[] bits = new boolean[bitText.length()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = bitText.charAt(i) == '1';
        }
        ByteBuf b = empty();
        WireValues.writeBits(b, bits);
        assertThat(hex(b)).isEqualTo(expected);
        assertThat(b.readableBytes()).isEqualTo(WireValues.packedBytes(bits.length));
        assertThat(WireValues.getBits(b, 0, 0, bits.length)).containsExactly(bits);
    }

    @Test
    void packedBytes() {
        assertThat(WireValues.packedBytes(0)).isZero();
        assertThat(WireValues.packedBytes(1)).isEqualTo(1);
        assertThat(WireValues.packedBytes(8)).isEqualTo(1);
        assertThat(WireValues.packedBytes(9)).isEqualTo(2);
        assertThat(WireValues.packedBytes(2000)).isEqualTo(250);
    }

    // ---- strings ----

    @Test
    void stringsStopAtTheFirstNul() {
        ByteBuf b = wire("48 65 6C 6C 6F 00 58 58");
        assertThat(WireValues.getString(b, 3, 8, StandardCharsets.US_ASCII, false)).isEqualTo("Hello");
        assertThat(WireValues.getString(b, 3, 4, StandardCharsets.US_ASCII, false)).as("no NUL within length")
                .isEqualTo("Hell");
        assertThat(WireValues.getString(b, 3, 0, StandardCharsets.US_ASCII, false)).isEmpty();
        assertThat(WireValues.getString(wire("00 41"), 3, 2, StandardCharsets.US_ASCII, false)).isEmpty();
        assertThat(b.readerIndex()).isEqualTo(3);
        assertThat(b.writerIndex()).isEqualTo(11);
    }

    @Test
    void swappedPairs() {
        // "Hello" on a device that swaps the bytes of each register: eH ll \0o
        ByteBuf b = wire("65 48 6C 6C 00 6F 00 00");
        assertThat(WireValues.getString(b, 3, 8, StandardCharsets.US_ASCII, true)).isEqualTo("Hello");
        assertThat(WireValues.getString(b, 3, 8, StandardCharsets.US_ASCII, false)).isEqualTo("eHll");
        ByteBuf out = empty();
        WireValues.writeString(out, "Hello", 8, StandardCharsets.US_ASCII, true);
        assertThat(hex(out)).isEqualTo("65486C6C006F0000");
        // odd reserved length: the last byte has no partner and stays in place
        ByteBuf odd = empty();
        WireValues.writeString(odd, "abc", 3, StandardCharsets.US_ASCII, true);
        assertThat(hex(odd)).isEqualTo("626163");
        assertThat(WireValues.getString(odd, 0, 3, StandardCharsets.US_ASCII, true)).isEqualTo("abc");
    }

    @Test
    void writeStringPadsWithNulsAndRejectsTooLongText() {
        ByteBuf b = empty();
        WireValues.writeString(b, "Hi", 5, StandardCharsets.US_ASCII, false);
        assertThat(hex(b)).isEqualTo("4869000000");
        WireValues.writeString(b, "12345", 5, StandardCharsets.US_ASCII, false);
        assertThat(b.readableBytes()).isEqualTo(10);
        assertThatThrownBy(() -> WireValues.writeString(b, "123456", 5, StandardCharsets.US_ASCII, false))
                .isInstanceOf(ValueConversionException.class)
                .hasMessage("text '123456' needs 6 bytes in US-ASCII but only 5 are reserved");
        assertThatThrownBy(() -> WireValues.writeString(b, "äöü", 5, StandardCharsets.UTF_8, false))
                .as("limit is bytes, not characters").isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("needs 6 bytes in UTF-8");
        assertThat(b.readableBytes()).as("nothing written by the failures").isEqualTo(10);
    }

    @Test
    void utf8AndUtf16() {
        ByteBuf b = empty();
        WireValues.writeString(b, "Grüße", 10, StandardCharsets.UTF_8, false);
        assertThat(WireValues.getString(b, 0, 10, StandardCharsets.UTF_8, false)).isEqualTo("Grüße");
        ByteBuf w = empty();
        WireValues.writeString(w, "AB", 8, StandardCharsets.UTF_16BE, false);
        assertThat(hex(w)).isEqualTo("0041004200000000");
        assertThat(WireValues.getString(w, 0, 8, StandardCharsets.UTF_16BE, false))
                .as("a zero high byte is not a NUL character").isEqualTo("AB");
        ByteBuf le = empty();
        WireValues.writeString(le, "AB", 6, StandardCharsets.UTF_16LE, true);
        assertThat(WireValues.getString(le, 0, 6, StandardCharsets.UTF_16LE, true)).isEqualTo("AB");
    }

    // ---- random round trips ----

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void randomRoundTrips(WordOrder order) {
        long seed = System.nanoTime();
        System.out.println("WireValuesTest " + order + " seed = " + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            List<Object[]> cases = List.of(
                    new Object[] {DataType.INT8, (byte) r.nextInt()},
                    new Object[] {DataType.UINT8, (short) r.nextInt(256)},
                    new Object[] {DataType.INT16, (short) r.nextInt()},
                    new Object[] {DataType.UINT16, r.nextInt(65536)},
                    new Object[] {DataType.INT32, r.nextInt()},
                    new Object[] {DataType.UINT32, r.nextLong() & 0xFFFF_FFFFL},
                    new Object[] {DataType.INT64, r.nextLong()},
                    new Object[] {DataType.UINT64, new BigInteger(64, r)},
                    new Object[] {DataType.FLOAT32, Float.intBitsToFloat(r.nextInt())},
                    new Object[] {DataType.FLOAT64, Double.longBitsToDouble(r.nextLong())},
                    new Object[] {DataType.INT32.array(3), new int[] {r.nextInt(), r.nextInt(), r.nextInt()}},
                    new Object[] {DataType.FLOAT64.array(2), new double[] {r.nextGaussian(), r.nextDouble()}});
            ByteBuf b = ALLOC.buffer();
            try {
                b.writeBytes(new byte[] {1, 2, 3});
                b.readerIndex(3);
                for (Object[] c : cases) {
                    DataType<?> type = (DataType<?>) c[0];
                    int at = b.writerIndex();
                    WireValues.write(b, type, c[1], order);
                    assertThat(b.writerIndex() - at).isEqualTo(WireValues.size(type));
                    Object back = WireValues.read(b, at, type, order);
                    if (c[1] instanceof Float f && f.isNaN() || c[1] instanceof Double d && d.isNaN()) {
                        // NaN payloads are preserved bit for bit (raw bits are written)
                        assertThat(back).asString().isEqualTo("NaN");
                    } else {
                        assertThat(DataType.valuesEqual(back, c[1])).as("seed %d: %s %s", seed, type, c[1]).isTrue();
                    }
                    assertThat(b.readerIndex()).isEqualTo(3);
                }
            } finally {
                b.release();
            }
        }
    }
}
