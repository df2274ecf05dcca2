package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DataType#convert(Object)} for every kind: accepted inputs, range limits and error messages. */
class DataTypeConvertTest {

    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    @Nested
    class Bool {
        @Test
        void accepts() {
            assertThat(DataType.BOOL.convert(true)).isTrue();
            assertThat(DataType.BOOL.convert(Boolean.FALSE)).isFalse();
            assertThat(DataType.BOOL.convert(1)).isTrue();
            assertThat(DataType.BOOL.convert(0L)).isFalse();
            assertThat(DataType.BOOL.convert(1.0)).isTrue();
            assertThat(DataType.BOOL.convert(BigInteger.ONE)).isTrue();
            for (String t : List.of("true", "TRUE", " True ", "1", "on", "ON")) {
                assertThat(DataType.BOOL.convert(t)).as(t).isTrue();
            }
            for (String t : List.of("false", "FALSE", "0", "off", "Off")) {
                assertThat(DataType.BOOL.convert(t)).as(t).isFalse();
            }
        }

        @Test
        void rejects() {
            for (Object v : List.of(2, -1, 0.5, "yes", "", "2", 'x')) {
                assertThatThrownBy(() -> DataType.BOOL.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("as bool: expected true/false, 1/0 or on/off");
            }
            assertThatThrownBy(() -> DataType.BOOL.convert(null)).isInstanceOf(ValueConversionException.class)
                    .hasMessage("null is not a valid value for bool");
        }
    }

    static Stream<Arguments> integerLimits() {
        return Stream.of(
                Arguments.of(DataType.INT8, -128L, 127L),
                Arguments.of(DataType.UINT8, 0L, 255L),
                Arguments.of(DataType.INT16, -32768L, 32767L),
                Arguments.of(DataType.UINT16, 0L, 65535L),
                Arguments.of(DataType.INT32, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE),
                Arguments.of(DataType.UINT32, 0L, 4294967295L),
                Arguments.of(DataType.INT64, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Nested
    class Integers {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.otsdk.api.DataTypeConvertTest#integerLimits")
        void limitsAreInclusiveAtBothEnds(DataType.Scalar<?, ?> type, long min, long max) {
            Object lo = type.convert(min);
            Object hi = type.convert(max);
            assertThat(lo).isInstanceOf(type.javaType());
            assertThat(hi).isInstanceOf(type.javaType());
            assertThat(((Number) lo).longValue()).isEqualTo(min);
            assertThat(((Number) hi).longValue()).isEqualTo(max);
            // the same limits given as text and as BigInteger
            assertThat(((Number) type.convert(Long.toString(min))).longValue()).isEqualTo(min);
            assertThat(((Number) type.convert(" " + max + " ")).longValue()).isEqualTo(max);
            assertThat(((Number) type.convert(BigInteger.valueOf(max))).longValue()).isEqualTo(max);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.otsdk.api.DataTypeConvertTest#integerLimits")
        void oneBeyondEitherLimitIsRejected(DataType.Scalar<?, ?> type, long min, long max) {
            BigInteger below = BigInteger.valueOf(min).subtract(BigInteger.ONE);
            BigInteger above = BigInteger.valueOf(max).add(BigInteger.ONE);
            for (Object v : List.of(below, above, below.toString(), above.toString())) {
                assertThatThrownBy(() -> type.convert(v)).as("%s %s", type, v)
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessage("value " + v + " is out of range for " + type.name() + " (" + min + ".." + max
                                + ")");
            }
        }

        @Test
        void resultHasTheKindsJavaType() {
            assertThat(DataType.INT8.convert(1)).isInstanceOf(Byte.class);
            assertThat(DataType.UINT8.convert(200)).isEqualTo((short) 200);
            assertThat(DataType.INT16.convert(1)).isEqualTo((short) 1);
            assertThat(DataType.UINT16.convert(65535)).isEqualTo(65535);
            assertThat(DataType.INT32.convert((short) -4)).isEqualTo(-4);
            assertThat(DataType.UINT32.convert(4294967295L)).isEqualTo(4294967295L);
            assertThat(DataType.INT64.convert((byte) 3)).isEqualTo(3L);
        }

        @Test
        void acceptsWholeFloatsAndDecimalsButNotFractions() {
            assertThat(DataType.INT16.convert(3.0)).isEqualTo((short) 3);
            assertThat(DataType.INT16.convert(-2.0f)).isEqualTo((short) -2);
            assertThat(DataType.INT16.convert(new BigDecimal("12.000"))).isEqualTo((short) 12);
            assertThat(DataType.INT32.convert("1e3")).isEqualTo(1000);
            assertThat(DataType.INT32.convert("7.0")).isEqualTo(7);
            assertThat(DataType.INT64.convert(new AtomicInteger(9))).isEqualTo(9L);
            for (Object v : List.of(1.5, 0.1f, new BigDecimal("2.5"), "1.5", "-0.25", "1e-3")) {
                assertThatThrownBy(() -> DataType.INT32.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("int32");
            }
            assertThatThrownBy(() -> DataType.INT32.convert(1.5)).hasMessage(
                    "value 1.5 is not a whole number, as int32 needs");
            assertThatThrownBy(() -> DataType.INT32.convert(Double.NaN)).isInstanceOf(ValueConversionException.class)
                    .hasMessageContaining("expected a whole number");
            assertThatThrownBy(() -> DataType.INT64.convert(Double.POSITIVE_INFINITY))
                    .isInstanceOf(ValueConversionException.class);
            assertThatThrownBy(() -> DataType.INT16.convert(1e6)).hasMessageContaining("out of range for int16");
        }

        @Test
        void hexBinaryAndUnderscores() {
            assertThat(DataType.UINT16.convert("0xFFFF")).isEqualTo(65535);
            assertThat(DataType.UINT16.convert("0Xff")).isEqualTo(255);
            assertThat(DataType.INT16.convert("-0x8000")).isEqualTo(Short.MIN_VALUE);
            assertThat(DataType.UINT8.convert("0b1010_0101")).isEqualTo((short) 0xA5);
            assertThat(DataType.UINT8.convert("0B11")).isEqualTo((short) 3);
            assertThat(DataType.INT32.convert("1_000_000")).isEqualTo(1_000_000);
            assertThat(DataType.INT32.convert("+42")).isEqualTo(42);
            assertThat(DataType.UINT32.convert("0xFFFFFFFF")).isEqualTo(0xFFFF_FFFFL);
            assertThatThrownBy(() -> DataType.UINT16.convert("0x10000")).hasMessageContaining("out of range");
            assertThatThrownBy(() -> DataType.INT16.convert("0x8000")).hasMessageContaining("out of range");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "abc", "0x", "0xZZ", "0b102", "12abc", "--5", "+-5", "-+5", "++5", "-0x-5",
            "0x+5", "0b-1", "1,000", "five"})
        void malformedTextIsRejected(String text) {
            assertThatThrownBy(() -> DataType.INT32.convert(text))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessageContaining("as int32: expected a whole number (decimal, 0x hex or 0b binary)");
        }

        @Test
        @Timeout(5)
        void hugeExponentsAreRejectedQuicklyNotExpanded() {
            assertThatThrownBy(() -> DataType.INT64.convert("1e999999999"))
                    .isInstanceOf(ValueConversionException.class).hasMessageContaining("out of range for int64");
            assertThatThrownBy(() -> DataType.UINT64.convert(new BigDecimal("1E+2147483647")))
                    .isInstanceOf(ValueConversionException.class).hasMessageContaining("out of range for uint64");
            assertThatThrownBy(() -> DataType.INT8.convert("-9e99999999"))
                    .isInstanceOf(ValueConversionException.class).hasMessageContaining("out of range for int8");
        }

        @Test
        void otherTypesAreRejectedWithTheirType() {
            assertThatThrownBy(() -> DataType.INT16.convert(true)).isInstanceOf(ValueConversionException.class)
                    .hasMessage("cannot use Boolean true as int16: expected a whole number");
            assertThatThrownBy(() -> DataType.INT16.convert(new short[] {1}))
                    .hasMessage("cannot use short[] of length 1 as int16: expected a whole number");
            assertThatThrownBy(() -> DataType.INT16.convert(null)).hasMessage("null is not a valid value for int16");
        }
    }

    @Nested
    class Uint64 {
        @Test
        void fullRange() {
            assertThat(DataType.UINT64.convert(0)).isEqualTo(BigInteger.ZERO);
            assertThat(DataType.UINT64.convert(UINT64_MAX)).isEqualTo(UINT64_MAX);
            assertThat(DataType.UINT64.convert("18446744073709551615")).isEqualTo(UINT64_MAX);
            assertThat(DataType.UINT64.convert("0xFFFFFFFFFFFFFFFF")).isEqualTo(UINT64_MAX);
            assertThat(DataType.UINT64.convert(Long.MAX_VALUE)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
            assertThat(DataType.UINT64.convert("9223372036854775808"))
                    .isEqualTo(BigInteger.ONE.shiftLeft(63));
            assertThat(DataType.UINT64.convert(new BigDecimal("1.8E19")))
                    .isEqualTo(new BigInteger("18000000000000000000"));
        }

        @Test
        void outOfRange() {
            String range = " is out of range for uint64 (0..18446744073709551615)";
            assertThatThrownBy(() -> DataType.UINT64.convert(UINT64_MAX.add(BigInteger.ONE)))
                    .isInstanceOf(ValueConversionException.class).hasMessage("value 18446744073709551616" + range);
            assertThatThrownBy(() -> DataType.UINT64.convert(-1)).hasMessage("value -1" + range);
            assertThatThrownBy(() -> DataType.UINT64.convert("0x1_0000_0000_0000_0000"))
                    .hasMessage("value 18446744073709551616" + range);
            assertThatThrownBy(() -> DataType.UINT64.convert(Long.MIN_VALUE)).hasMessageContaining(range);
        }
    }

    @Nested
    class Floats {
        @Test
        void float32() {
            assertThat(DataType.FLOAT32.convert(1.5)).isEqualTo(1.5f);
            assertThat(DataType.FLOAT32.convert(7)).isEqualTo(7f);
            assertThat(DataType.FLOAT32.convert("123.456")).isEqualTo(123.456f);
            assertThat(DataType.FLOAT32.convert(" -2.5e3 ")).isEqualTo(-2500f);
            assertThat(DataType.FLOAT32.convert((double) Float.MAX_VALUE)).isEqualTo(Float.MAX_VALUE);
            assertThat(DataType.FLOAT32.convert((double) -Float.MAX_VALUE)).isEqualTo(-Float.MAX_VALUE);
            assertThat(DataType.FLOAT32.convert(Float.MIN_VALUE)).isEqualTo(Float.MIN_VALUE);
        }

        @Test
        void float32OverflowIsRejectedNotTurnedIntoInfinity() {
            for (Object v : List.of(3.5e38, -3.5e38, Double.MAX_VALUE, "1e39", "-1e39", new BigDecimal("1e39"))) {
                assertThatThrownBy(() -> DataType.FLOAT32.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("out of range for float32");
            }
        }

        @Test
        void float64OverflowFromTextOrBigNumbersIsRejected() {
            for (Object v : List.of("1e400", "-1e400", BigInteger.ONE.shiftLeft(2000), new BigDecimal("1e400"))) {
                assertThatThrownBy(() -> DataType.FLOAT64.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("out of range for float64");
                assertThatThrownBy(() -> DataType.FLOAT32.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("out of range for float32");
            }
        }

        @Test
        void nanAndInfinityText() {
            assertThat(DataType.FLOAT32.convert("NaN")).isNaN();
            assertThat(DataType.FLOAT32.convert("nan")).isNaN();
            assertThat(DataType.FLOAT64.convert(Double.NaN)).isNaN();
            assertThat(DataType.FLOAT32.convert(Float.NaN)).isNaN();
            for (String t : List.of("inf", "Infinity", "+inf", "+Infinity", "INF")) {
                assertThat(DataType.FLOAT32.convert(t)).as(t).isEqualTo(Float.POSITIVE_INFINITY);
                assertThat(DataType.FLOAT64.convert(t)).as(t).isEqualTo(Double.POSITIVE_INFINITY);
            }
            for (String t : List.of("-inf", "-Infinity", "-INFINITY")) {
                assertThat(DataType.FLOAT32.convert(t)).as(t).isEqualTo(Float.NEGATIVE_INFINITY);
                assertThat(DataType.FLOAT64.convert(t)).as(t).isEqualTo(Double.NEGATIVE_INFINITY);
            }
            assertThat(DataType.FLOAT32.convert(Double.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(DataType.FLOAT64.convert(Float.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void float64() {
            assertThat(DataType.FLOAT64.convert(1.25f)).isEqualTo(1.25);
            assertThat(DataType.FLOAT64.convert(Long.MAX_VALUE)).isEqualTo(9.223372036854776E18);
            assertThat(DataType.FLOAT64.convert("1e300")).isEqualTo(1e300);
            assertThat(DataType.FLOAT64.convert(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
        }

        @Test
        void rejectsNonNumbers() {
            for (Object v : List.of("", "abc", "1.2.3", "0x1g")) {
                assertThatThrownBy(() -> DataType.FLOAT64.convert(v)).as(String.valueOf(v))
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("as float64: expected a number");
            }
            assertThatThrownBy(() -> DataType.FLOAT32.convert(true)).hasMessage(
                    "cannot use Boolean true as float32: expected a number");
        }
    }

    @Nested
    class Text {
        @Test
        void strings() {
            assertThat(DataType.STRING.convert("hello")).isEqualTo("hello");
            assertThat(DataType.STRING.convert(new StringBuilder("sb"))).isEqualTo("sb");
            assertThat(DataType.STRING.convert(" keep spaces ")).isEqualTo(" keep spaces ");
            assertThat(DataType.WSTRING.convert("äöü")).isEqualTo("äöü");
            assertThat(DataType.STRING.convert("")).isEmpty();
        }

        @Test
        void lengthLimit() {
            DataType.Scalar<String, String[]> s5 = DataType.STRING.length(5);
            assertThat(s5.convert("12345")).isEqualTo("12345");
            assertThat(s5.convert("")).isEmpty();
            assertThatThrownBy(() -> s5.convert("123456"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("text of 6 characters is longer than string(5) allows (5)");
            assertThatThrownBy(() -> DataType.WSTRING.length(2).convert("abc"))
                    .hasMessageContaining("longer than wstring(2) allows (2)");
        }

        @Test
        void nonTextIsRejected() {
            assertThatThrownBy(() -> DataType.STRING.convert(42)).isInstanceOf(ValueConversionException.class)
                    .hasMessage("cannot use Integer 42 as string: expected text");
            assertThatThrownBy(() -> DataType.STRING.convert(null)).hasMessage("null is not a valid value for string");
        }
    }

    @Nested
    class Bytes {
        @Test
        void fromByteArrayIsACopy() {
            byte[] in = {1, 2, 3};
            byte[] out = DataType.BYTES.convert(in);
            assertThat(out).containsExactly(1, 2, 3).isNotSameAs(in);
            in[0] = 9;
            assertThat(out[0]).isEqualTo((byte) 1);
        }

        @Test
        void fromHex() {
            assertThat(DataType.BYTES.convert("0a1B2c")).containsExactly(0x0a, 0x1b, 0x2c);
            assertThat(DataType.BYTES.convert("0x0a1b")).containsExactly(0x0a, 0x1b);
            assertThat(DataType.BYTES.convert("0A 1B 2C")).containsExactly(0x0a, 0x1b, 0x2c);
            assertThat(DataType.BYTES.convert("de:ad:be:ef")).containsExactly(0xde, 0xad, 0xbe, 0xef);
            assertThat(DataType.BYTES.convert("")).isEmpty();
        }

        @Test
        void badHex() {
            for (String t : List.of("abc", "zz", "0x1", "12 3")) {
                assertThatThrownBy(() -> DataType.BYTES.convert(t)).as(t)
                        .isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("as bytes: expected hex bytes such as 0a1b2c");
            }
            assertThatThrownBy(() -> DataType.BYTES.convert(12)).hasMessage(
                    "cannot use Integer 12 as bytes: expected a byte[] or hex text");
        }

        @Test
        void exactLength() {
            DataType.Scalar<byte[], byte[][]> b2 = DataType.BYTES.length(2);
            assertThat(b2.convert(new byte[] {1, 2})).containsExactly(1, 2);
            assertThat(b2.convert("0102")).containsExactly(1, 2);
            assertThatThrownBy(() -> b2.convert(new byte[] {1})).isInstanceOf(ValueConversionException.class)
                    .hasMessage("bytes(2) needs exactly 2 bytes, got 1");
            assertThatThrownBy(() -> b2.convert("010203")).hasMessage("bytes(2) needs exactly 2 bytes, got 3");
        }
    }

    @Nested
    class Temporals {
        @Test
        void datetime() {
            Instant i = Instant.parse("2026-01-31T12:00:00Z");
            assertThat(DataType.DATETIME.convert(i)).isSameAs(i);
            assertThat(DataType.DATETIME.convert("2026-01-31T12:00:00Z")).isEqualTo(i);
            assertThat(DataType.DATETIME.convert(" 2026-01-31T12:00:00.000Z ")).isEqualTo(i);
            assertThat(DataType.DATETIME.convert("2026-01-31T13:00:00+01:00")).isEqualTo(i);
            assertThat(DataType.DATETIME.convert(OffsetDateTime.of(2026, 1, 31, 14, 0, 0, 0, ZoneOffset.ofHours(2))))
                    .isEqualTo(i);
            assertThat(DataType.DATETIME.convert(ZonedDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneId.of("UTC"))))
                    .isEqualTo(i);
            assertThatThrownBy(() -> DataType.DATETIME.convert("2026-01-31 12:00"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessageContaining("expected an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            assertThatThrownBy(() -> DataType.DATETIME.convert(LocalDateTime.of(2026, 1, 1, 0, 0)))
                    .hasMessageContaining("expected an Instant");
            assertThatThrownBy(() -> DataType.DATETIME.convert(1000L)).hasMessageContaining("expected an Instant");
        }

        @Test
        void dateTimeOfDayAndLocalDateTimes() {
            assertThat(DataType.DATE.convert("2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(DataType.DATE.convert(LocalDate.of(2000, 1, 1))).isEqualTo(LocalDate.of(2000, 1, 1));
            assertThat(DataType.TIME.convert("12:34:56.789")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
            assertThat(DataType.TIME.convert("08:00")).isEqualTo(LocalTime.of(8, 0));
            assertThat(DataType.DT.convert("2026-01-31T12:00:01")).isEqualTo(LocalDateTime.of(2026, 1, 31, 12, 0, 1));
            assertThat(DataType.DTL.convert("2026-01-31T12:00:01.123456789"))
                    .isEqualTo(LocalDateTime.of(2026, 1, 31, 12, 0, 1, 123_456_789));
            LocalDateTime ldt = LocalDateTime.of(2026, 1, 1, 0, 0);
            assertThat(DataType.DT.convert(ldt)).isSameAs(ldt);
            assertThatThrownBy(() -> DataType.DATE.convert("2026-02-30"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("cannot use String '2026-02-30' as date: expected an ISO-8601 LocalDate");
            assertThatThrownBy(() -> DataType.TIME.convert("25:00"))
                    .hasMessageContaining("as time: expected an ISO-8601 LocalTime");
            assertThatThrownBy(() -> DataType.DT.convert("2026-01-31"))
                    .hasMessageContaining("as DT: expected an ISO-8601 LocalDateTime");
            assertThatThrownBy(() -> DataType.DATE.convert(LocalDateTime.of(2026, 1, 1, 0, 0)))
                    .hasMessageContaining("as date: expected a LocalDate");
        }

        @Test
        void durations() {
            assertThat(DataType.DURATION.convert(Duration.ofMillis(5))).isEqualTo(Duration.ofMillis(5));
            assertThat(DataType.DURATION.convert("500ms")).isEqualTo(Duration.ofMillis(500));
            assertThat(DataType.DURATION.convert("PT2S")).isEqualTo(Duration.ofSeconds(2));
            assertThat(DataType.DURATION.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
            assertThat(DataType.LTIME.convert("250ns")).isEqualTo(Duration.ofNanos(250));
            assertThat(DataType.LTIME.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
            assertThatThrownBy(() -> DataType.DURATION.convert("soon"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("cannot use String 'soon' as duration: expected a duration such as 500ms, 2s or PT2S");
            assertThatThrownBy(() -> DataType.LTIME.convert(5)).hasMessage(
                    "cannot use Integer 5 as LTIME: expected a Duration");
        }
    }

    @Test
    void autoPassesValuesThrough() {
        Object o = new Object();
        assertThat(DataType.AUTO.convert(o)).isSameAs(o);
        assertThat(DataType.AUTO.convert("42")).isEqualTo("42");
        assertThatThrownBy(() -> DataType.AUTO.convert(null)).hasMessage("null is not a valid value for auto");
    }

    @Nested
    class Arrays_ {

        @Test
        void fromPrimitiveArraysOfEveryShape() {
            assertThat(DataType.INT16.array(3).convert(new int[] {1, -2, 3})).containsExactly(1, -2, 3);
            assertThat(DataType.INT16.array(3).convert(new short[] {1, 2, 3})).containsExactly(1, 2, 3);
            assertThat(DataType.UINT16.array(2).convert(new long[] {0, 65535})).containsExactly(0, 65535);
            assertThat(DataType.FLOAT32.array(2).convert(new double[] {1.5, -2})).containsExactly(1.5f, -2f);
            assertThat(DataType.FLOAT64.array(2).convert(new float[] {1.5f, 2})).containsExactly(1.5, 2.0);
            assertThat(DataType.BOOL.array(3).convert(new boolean[] {true, false, true}))
                    .containsExactly(true, false, true);
            assertThat(DataType.INT8.array(2).convert(new byte[] {-1, 1})).containsExactly(-1, 1);
            assertThat(DataType.UINT8.array(2).convert(new int[] {0, 255})).containsExactly((short) 0, (short) 255);
            assertThat(DataType.INT32.array(1).convert(new Integer[] {7})).containsExactly(7);
            assertThat(DataType.UINT32.array(1).convert(new long[] {4294967295L})).containsExactly(4294967295L);
            assertThat(DataType.INT64.array(2).convert(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}))
                    .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(DataType.UINT64.array(2).convert(new Object[] {0, UINT64_MAX}))
                    .containsExactly(BigInteger.ZERO, UINT64_MAX);
            assertThat(DataType.STRING.array(2).convert(new String[] {"a", "b"})).containsExactly("a", "b");
            assertThat(DataType.DATE.array(1).convert(new String[] {"2026-01-01"}))
                    .containsExactly(LocalDate.of(2026, 1, 1));
        }

        @Test
        void fromList() {
            assertThat(DataType.INT32.array(3).convert(List.of(1, 2L, "3"))).containsExactly(1, 2, 3);
            assertThat(DataType.BOOL.array().convert(List.of(true, "off", 1))).containsExactly(true, false, true);
            assertThat(DataType.DURATION.array(2).convert(List.of("1s", Duration.ofMillis(2))))
                    .containsExactly(Duration.ofSeconds(1), Duration.ofMillis(2));
        }

        @Test
        void fromText() {
            assertThat(DataType.INT16.array(3).convert("[1,2,3]")).containsExactly(1, 2, 3);
            assertThat(DataType.INT16.array(3).convert(" [ 1 , 2 , 3 ] ")).containsExactly(1, 2, 3);
            assertThat(DataType.INT16.array(3).convert("1,2,3")).containsExactly(1, 2, 3);
            assertThat(DataType.UINT16.array(2).convert("[0x10, 0b11]")).containsExactly(16, 3);
            assertThat(DataType.FLOAT32.array(2).convert("[1.5, NaN]")).containsExactly(1.5f, Float.NaN);
            assertThat(DataType.STRING.array(2).convert("[\"a b\", c]")).containsExactly("a b", "c");
            assertThat(DataType.INT16.array().convert("[]")).isEmpty();
            assertThat(DataType.INT16.array().convert("[5]")).containsExactly(5);
        }

        @Test
        void exactCountIsChecked() {
            assertThatThrownBy(() -> DataType.INT16.array(3).convert("[1,2]"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("int16[3] needs exactly 3 elements, got 2");
            assertThatThrownBy(() -> DataType.INT16.array(3).convert(new int[4]))
                    .hasMessage("int16[3] needs exactly 3 elements, got 4");
            assertThatThrownBy(() -> DataType.INT16.array(1).convert(List.of()))
                    .hasMessage("int16[1] needs exactly 1 elements, got 0");
            assertThatThrownBy(() -> DataType.INT16.array(2).convert("[]"))
                    .hasMessage("int16[2] needs exactly 2 elements, got 0");
            assertThat(DataType.INT16.array().convert(new int[7])).hasSize(7);
        }

        @Test
        void elementErrorsNameTheIndex() {
            assertThatThrownBy(() -> DataType.INT16.array(3).convert("[1, 70000, 3]"))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("element 1 of int16[3]: value 70000 is out of range for int16 (-32768..32767)");
            assertThatThrownBy(() -> DataType.UINT8.array(2).convert(new byte[] {1, -1}))
                    .hasMessage("element 1 of uint8[2]: value -1 is out of range for uint8 (0..255)");
            assertThatThrownBy(() -> DataType.INT32.array(2).convert(Arrays.asList(1, null)))
                    .hasMessage("element 1 of int32[2]: null is not a valid value for int32");
            assertThatThrownBy(() -> DataType.BOOL.array(2).convert("[true, maybe]"))
                    .hasMessageStartingWith("element 1 of bool[2]: cannot use String 'maybe' as bool");
            assertThatThrownBy(() -> DataType.INT32.array(3).convert("[1,,3]"))
                    .hasMessageStartingWith("element 1 of int32[3]: cannot use String '' as int32");
        }

        @Test
        void wrongShapesAreRejected() {
            assertThatThrownBy(() -> DataType.INT16.array(1).convert(5))
                    .isInstanceOf(ValueConversionException.class)
                    .hasMessage("expected an array or list for int16[1], got Integer 5");
            assertThatThrownBy(() -> DataType.INT16.array(1).convert(null)).hasMessage("null is not a valid value for int16[1]");
        }

        @Test
        void resultsAreFreshCopies() {
            short[] in = {1, 2, 3};
            short[] out = DataType.INT16.array(3).convert(in);
            assertThat(out).isNotSameAs(in).containsExactly(1, 2, 3);
            in[0] = 42;
            assertThat(out[0]).isEqualTo((short) 1);

            byte[][] nested = {{1, 2}, {3}};
            byte[][] copy = DataType.BYTES.array(2).convert(nested);
            assertThat(copy).isNotSameAs(nested);
            assertThat(copy[0]).isNotSameAs(nested[0]).containsExactly(1, 2);
            nested[0][0] = 9;
            assertThat(copy[0][0]).isEqualTo((byte) 1);

            List<Integer> list = new ArrayList<>(List.of(1, 2));
            int[] fromList = DataType.UINT16.array(2).convert(list);
            list.set(0, 5);
            assertThat(fromList).containsExactly(1, 2);
        }

        @Test
        void bytesArraysFromHexTextAndLengthPerElement() {
            assertThat(DataType.BYTES.length(1).array(2).convert("[0a, 0b]"))
                    .isDeepEqualTo(new byte[][] {{10}, {11}});
            assertThatThrownBy(() -> DataType.BYTES.length(2).array(1).convert(new byte[][] {{1}}))
                    .hasMessage("element 0 of bytes(2)[1]: bytes(2) needs exactly 2 bytes, got 1");
            assertThatThrownBy(() -> DataType.BYTES.array(1).convert(new byte[] {1}))
                    .hasMessageStartingWith("expected an array or list for bytes[1]");
        }

        @Test
        void stringElementLengthLimit() {
            assertThatThrownBy(() -> DataType.STRING.length(2).array(2).convert(List.of("ab", "abc")))
                    .hasMessage("element 1 of string(2)[2]: text of 3 characters is longer than string(2) allows (2)");
        }
    }

    @Test
    void tagWriteConvertingNamesTheTag() {
        Tag<Short> t = Tag.of("holding:1", DataType.INT16);
        assertThat(TagWrite.converting(t, "7").value()).isEqualTo((short) 7);
        ValueConversionException e = catchThrowableOfType(ValueConversionException.class,
                () -> TagWrite.converting(t, "70000"));
        assertThat(e).hasMessage("write holding:1:int16: value 70000 is out of range for int16 (-32768..32767)");
        assertThatThrownBy(() -> TagWrite.of(t, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value for holding:1:int16");
    }
}
