package dev.otsdk.cli.json;

import static dev.otsdk.cli.json.JsonWriter.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesScalars() {
        assertThat(toJson(null)).isEqualTo("null");
        assertThat(toJson(true)).isEqualTo("true");
        assertThat(toJson(false)).isEqualTo("false");
        assertThat(toJson(7)).isEqualTo("7");
        assertThat(toJson((byte) -8)).isEqualTo("-8");
        assertThat(toJson((short) 300)).isEqualTo("300");
        assertThat(toJson(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(toJson('x')).isEqualTo("\"x\"");
    }

    @Test
    void writesBigNumbersExactly() {
        assertThat(toJson(new BigInteger("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(toJson(new BigDecimal("0.1000000000000000055511151231257827"))).isEqualTo(
                "0.1000000000000000055511151231257827");
        assertThat(toJson(new BigDecimal("1E+3"))).isEqualTo("1E+3");
    }

    @Test
    void writesFloatsInTheirShortestForm() {
        assertThat(toJson(21.5f)).isEqualTo("21.5");
        assertThat(toJson(0.1f)).isEqualTo("0.1"); // not 0.10000000149011612 as a double would print
        assertThat(toJson(0.1)).isEqualTo("0.1");
        assertThat(toJson(1.0)).isEqualTo("1.0");
        assertThat(toJson(-0.0)).isEqualTo("-0.0");
        assertThat(toJson(1.0e-5)).isEqualTo("1.0E-5");
        assertThat(toJson(3.4028235e38f)).isEqualTo("3.4028235E38");
    }

    @Test
    void writesNonFiniteFloatsAsStrings() {
        assertThat(toJson(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(toJson(Float.NaN)).isEqualTo("\"NaN\"");
        assertThat(toJson(Double.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
        assertThat(toJson(Float.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
        assertThat(toJson(new double[] {1, Double.NaN})).isEqualTo("[1.0,\"NaN\"]");
    }

    @Test
    void writesOtherNumbersAsNumbersWhenTheyAreNumbers() {
        assertThat(toJson(new AtomicLong(5))).isEqualTo("5");
    }

    @Test
    void escapesStrings() {
        assertThat(toJson("plain")).isEqualTo("\"plain\"");
        assertThat(toJson("")).isEqualTo("\"\"");
        assertThat(toJson("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(toJson("C:\\temp")).isEqualTo("\"C:\\\\temp\"");
        assertThat(toJson("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(toJson("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
        assertThat(toJson("/")).isEqualTo("\"/\"");
    }

    @Test
    void keepsUnicodeButEscapesWhatUtf8OrJavaScriptCannotCarry() {
        assertThat(toJson("Grüße, 温度 °C")).isEqualTo("\"Grüße, 温度 °C\"");
        assertThat(toJson("pump \uD83D\uDE80")).isEqualTo("\"pump \uD83D\uDE80\""); // a surrogate pair stays
        assertThat(toJson("lone \uD83D!")).isEqualTo("\"lone \\ud83d!\"");
        assertThat(toJson("\uDE80 first")).isEqualTo("\"\\ude80 first\"");
        assertThat(toJson("end \uD83D")).isEqualTo("\"end \\ud83d\"");
        assertThat(toJson("a\u2028b\u2029")).isEqualTo("\"a\\u2028b\\u2029\"");
    }

    @Test
    void writesPrimitiveArraysAsArrays() {
        assertThat(toJson(new boolean[] {true, false})).isEqualTo("[true,false]");
        assertThat(toJson(new short[] {1, -2, 3})).isEqualTo("[1,-2,3]");
        assertThat(toJson(new int[] {})).isEqualTo("[]");
        assertThat(toJson(new long[] {Long.MAX_VALUE})).isEqualTo("[9223372036854775807]");
        assertThat(toJson(new float[] {1.5f, 0.1f})).isEqualTo("[1.5,0.1]");
        assertThat(toJson(new char[] {'a', '"'})).isEqualTo("[\"a\",\"\\\"\"]");
    }

    @Test
    void writesBytesAsHex() {
        assertThat(toJson(new byte[] {0x00, 0x1F, (byte) 0xAB, (byte) 0xFF})).isEqualTo("\"001fabff\"");
        assertThat(toJson(new byte[0])).isEqualTo("\"\"");
        assertThat(toJson(new byte[][] {{1}, {2, 3}})).isEqualTo("[\"01\",\"0203\"]");
    }

    @Test
    void writesObjectArraysListsAndNestedArrays() {
        assertThat(toJson(new String[] {"a", null})).isEqualTo("[\"a\",null]");
        assertThat(toJson(new BigInteger[] {BigInteger.ONE, BigInteger.TEN})).isEqualTo("[1,10]");
        assertThat(toJson(List.of(1, "two", List.of(3)))).isEqualTo("[1,\"two\",[3]]");
        assertThat(toJson(new int[][] {{1, 2}, {}})).isEqualTo("[[1,2],[]]");
        assertThat(toJson(Arrays.asList(null, null))).isEqualTo("[null,null]");
    }

    @Test
    void writesMapsAsObjectsInTheirOrder() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Map.of());
        m.put(3, null);
        assertThat(toJson(m)).isEqualTo("{\"b\":1,\"a\":{},\"3\":null}");
    }

    @Test
    void writesTimesAndDurationsAsIso8601() {
        assertThat(toJson(Instant.parse("2026-11-25T10:00:00.123Z"))).isEqualTo("\"2026-11-25T10:00:00.123Z\"");
        assertThat(toJson(LocalDate.of(2026, 1, 2))).isEqualTo("\"2026-01-02\"");
        assertThat(toJson(LocalTime.of(13, 5, 7))).isEqualTo("\"13:05:07\"");
        assertThat(toJson(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000))).isEqualTo("\"2026-01-02T03:04:05.006\"");
        assertThat(toJson(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("\"2026-01-02T03:04:05+01:00\"");
        assertThat(toJson(Duration.ofMillis(1500))).isEqualTo("\"PT1.5S\"");
        assertThat(toJson(Duration.ZERO)).isEqualTo("\"PT0S\"");
    }

    @Test
    void unwrapsOptionalsAndNamesEnums() {
        assertThat(toJson(Optional.empty())).isEqualTo("null");
        assertThat(toJson(Optional.of(Instant.EPOCH))).isEqualTo("\"1970-01-01T00:00:00Z\"");
        assertThat(toJson(Thread.State.NEW)).isEqualTo("\"NEW\"");
    }

    @Test
    void writesOtherObjectsAsTheirText() {
        Object o = new Object() {
            @Override
            public String toString() {
                return "custom \"thing\"";
            }
        };
        assertThat(toJson(o)).isEqualTo("\"custom \\\"thing\\\"\"");
    }

    @Test
    void buildsNestedDocumentsWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject()
                .member("a", 1)
                .name("b").beginArray().value(1).beginObject().endObject().beginArray().endArray().value("x").endArray()
                .name("c").beginObject().member("d", null).member("e", List.of()).endObject()
                .member("f", true)
                .endObject().toString();
        assertThat(json).isEqualTo("{\"a\":1,\"b\":[1,{},[],\"x\"],\"c\":{\"d\":null,\"e\":[]},\"f\":true}");
    }

    @Test
    void nestsDeeperThanItsInitialCapacity() {
        JsonWriter w = new JsonWriter();
        for (int i = 0; i < 40; i++) {
            w.beginArray();
        }
        for (int i = 0; i < 40; i++) {
            w.endArray();
        }
        assertThat(w.toString()).isEqualTo("[".repeat(40) + "]".repeat(40));
    }

    @Test
    void refusesMalformedDocuments() {
        assertThatThrownBy(() -> new JsonWriter().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().value(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("x").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("x").name("y"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().endArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).isInstanceOf(IllegalStateException.class);
    }
}
