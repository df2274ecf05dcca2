package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, text form and the type model of {@link DataType}; conversions are in {@link DataTypeConvertTest}. */
class DataTypeTest {

    static Stream<Arguments> sdkNames() {
        return Stream.of(
                Arguments.of("bool", DataType.BOOL, Boolean.class),
                Arguments.of("int8", DataType.INT8, Byte.class),
                Arguments.of("uint8", DataType.UINT8, Short.class),
                Arguments.of("int16", DataType.INT16, Short.class),
                Arguments.of("uint16", DataType.UINT16, Integer.class),
                Arguments.of("int32", DataType.INT32, Integer.class),
                Arguments.of("uint32", DataType.UINT32, Long.class),
                Arguments.of("int64", DataType.INT64, Long.class),
                Arguments.of("uint64", DataType.UINT64, BigInteger.class),
                Arguments.of("float32", DataType.FLOAT32, Float.class),
                Arguments.of("float64", DataType.FLOAT64, Double.class),
                Arguments.of("string", DataType.STRING, String.class),
                Arguments.of("wstring", DataType.WSTRING, String.class),
                Arguments.of("bytes", DataType.BYTES, byte[].class),
                Arguments.of("datetime", DataType.DATETIME, Instant.class),
                Arguments.of("duration", DataType.DURATION, Duration.class),
                Arguments.of("date", DataType.DATE, LocalDate.class),
                Arguments.of("time", DataType.TIME, LocalTime.class),
                Arguments.of("auto", DataType.AUTO, Object.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdkNames")
    void sdkNamesResolveToTheConstants(String name, DataType<?> expected, Class<?> javaType) {
        assertThat(DataType.named(name)).isSameAs(expected);
        assertThat(DataType.parse(name)).isSameAs(expected);
        assertThat(expected.name()).isEqualTo(name);
        assertThat(expected.toString()).isEqualTo(name);
        assertThat(expected.javaType()).isEqualTo(javaType);
        assertThat(expected.isArray()).isFalse();
    }

    static Stream<Arguments> iecNames() {
        return Stream.of(
                Arguments.of("BOOL", DataType.BOOL),
                Arguments.of("BYTE", DataType.UINT8),
                Arguments.of("WORD", DataType.UINT16),
                Arguments.of("DWORD", DataType.UINT32),
                Arguments.of("LWORD", DataType.UINT64),
                Arguments.of("SINT", DataType.INT8),
                Arguments.of("INT", DataType.INT16),
                Arguments.of("DINT", DataType.INT32),
                Arguments.of("LINT", DataType.INT64),
                Arguments.of("USINT", DataType.UINT8),
                Arguments.of("UINT", DataType.UINT16),
                Arguments.of("UDINT", DataType.UINT32),
                Arguments.of("ULINT", DataType.UINT64),
                Arguments.of("REAL", DataType.FLOAT32),
                Arguments.of("LREAL", DataType.FLOAT64),
                Arguments.of("STRING", DataType.STRING),
                Arguments.of("WSTRING", DataType.WSTRING),
                Arguments.of("TIME", DataType.DURATION),
                Arguments.of("LTIME", DataType.LTIME),
                Arguments.of("DATE", DataType.DATE),
                Arguments.of("TOD", DataType.TIME),
                Arguments.of("TIME_OF_DAY", DataType.TIME),
                Arguments.of("DT", DataType.DT),
                Arguments.of("DATE_AND_TIME", DataType.DT),
                Arguments.of("DTL", DataType.DTL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iecNames")
    void iecNamesResolveToTheSameInstance(String name, DataType<?> expected) {
        assertThat(DataType.named(name)).isSameAs(expected);
        assertThat(DataType.parse(name)).isSameAs(expected);
    }

    @Test
    void aliasesAreTheSameInstanceNotJustEqual() {
        assertThat(DataType.named("INT")).isSameAs(DataType.named("int16"));
        assertThat(DataType.named("BYTE")).isSameAs(DataType.named("USINT")).isSameAs(DataType.named("uint8"));
        assertThat(DataType.named("WORD")).isSameAs(DataType.named("UINT"));
        assertThat(DataType.named("DWORD")).isSameAs(DataType.named("UDINT"));
        assertThat(DataType.named("LWORD")).isSameAs(DataType.named("ULINT"));
        assertThat(DataType.named("TOD")).isSameAs(DataType.named("TIME_OF_DAY")).isSameAs(DataType.named("time"));
        assertThat(DataType.named("DT")).isSameAs(DataType.named("DATE_AND_TIME"));
        assertThat(DataType.named("TIME")).isSameAs(DataType.named("duration"));
    }

    @Test
    void timeIsCaseSensitiveTimeOfDayVersusIecDuration() {
        assertThat(DataType.named("time")).isSameAs(DataType.TIME);
        assertThat(DataType.named("time").kind()).isEqualTo(DataType.Kind.TIME_OF_DAY);
        assertThat(DataType.named("time").javaType()).isEqualTo(LocalTime.class);
        assertThat(DataType.named("TIME")).isSameAs(DataType.DURATION);
        assertThat(DataType.named("TIME").kind()).isEqualTo(DataType.Kind.DURATION);
        assertThat(DataType.named("TIME").javaType()).isEqualTo(Duration.class);
        assertThat(DataType.named("date")).isSameAs(DataType.named("DATE"));
    }

    @Test
    void ltimeDtAndDtlAreDistinctTypes() {
        assertThat(DataType.LTIME).isNotEqualTo(DataType.DURATION);
        assertThat(DataType.LTIME.kind()).isEqualTo(DataType.Kind.LTIME);
        assertThat(DataType.LTIME.javaType()).isEqualTo(Duration.class);
        assertThat(DataType.DT).isNotEqualTo(DataType.DTL);
        assertThat(DataType.DT.kind()).isEqualTo(DataType.Kind.DT);
        assertThat(DataType.DTL.kind()).isEqualTo(DataType.Kind.DTL);
        assertThat(DataType.DT.javaType()).isEqualTo(LocalDateTime.class);
        assertThat(DataType.DTL.javaType()).isEqualTo(LocalDateTime.class);
        assertThat(DataType.DT).isNotEqualTo(DataType.DATETIME);
        assertThat(DataType.LTIME.name()).isEqualTo("LTIME");
        assertThat(DataType.DT.name()).isEqualTo("DT");
        assertThat(DataType.DTL.name()).isEqualTo("DTL");
        assertThat(DataType.Kind.LTIME.fixedSize()).isEqualTo(8);
        assertThat(DataType.Kind.DT.fixedSize()).isEqualTo(8);
        assertThat(DataType.Kind.DTL.fixedSize()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Int16", "INT16", "Float32", "Real", "real", "Bool", "Ltime", "ltime", "dtl", "Tod",
        "tod", "float", "double", "integer", "Auto", "AUTO", ""})
    void unknownOrWrongCaseNamesAreRejected(String name) {
        assertThatThrownBy(() -> DataType.named(name)).isInstanceOf(TagAddressException.class);
    }

    @Test
    void wrongCaseSuggestsTheRightSpellingAndListsNames() {
        TagAddressException e = catchThrowableOfType(TagAddressException.class, () -> DataType.named("Int16"));
        assertThat(e.getMessage()).contains("did you mean 'int16'").contains("case-sensitive");
        assertThat(e.getMessage()).contains("float32").contains("REAL").contains("DTL");

        e = catchThrowableOfType(TagAddressException.class, () -> DataType.named("Real"));
        assertThat(e.getMessage()).contains("did you mean 'REAL'");

        e = catchThrowableOfType(TagAddressException.class, () -> DataType.named("Time"));
        assertThat(e.getMessage()).contains("did you mean 'time' (TIME_OF_DAY) or 'TIME' (DURATION)?");

        e = catchThrowableOfType(TagAddressException.class, () -> DataType.named("Date"));
        assertThat(e.getMessage()).contains("did you mean 'date'?");

        e = catchThrowableOfType(TagAddressException.class, () -> DataType.named("float"));
        assertThat(e.getMessage()).doesNotContain("did you mean").contains("one of bool, int8");
    }

    @Test
    void kindProperties() {
        assertThat(DataType.Kind.BOOL.isNumeric()).isFalse();
        for (DataType.Kind k : List.of(DataType.Kind.INT8, DataType.Kind.UINT8, DataType.Kind.INT16,
                DataType.Kind.UINT16, DataType.Kind.INT32, DataType.Kind.UINT32, DataType.Kind.INT64,
                DataType.Kind.UINT64)) {
            assertThat(k.isNumeric()).as(k.name()).isTrue();
            assertThat(k.isInteger()).as(k.name()).isTrue();
        }
        assertThat(DataType.Kind.FLOAT32.isNumeric()).isTrue();
        assertThat(DataType.Kind.FLOAT32.isInteger()).isFalse();
        assertThat(DataType.Kind.FLOAT64.isInteger()).isFalse();
        assertThat(DataType.Kind.STRING.isNumeric()).isFalse();
        assertThat(DataType.Kind.LTIME.isNumeric()).isFalse();
        assertThat(DataType.Kind.STRING.takesLength()).isTrue();
        assertThat(DataType.Kind.WSTRING.takesLength()).isTrue();
        assertThat(DataType.Kind.BYTES.takesLength()).isTrue();
        assertThat(DataType.Kind.INT16.takesLength()).isFalse();
        assertThat(DataType.Kind.INT16.fixedSize()).isEqualTo(2);
        assertThat(DataType.Kind.UINT64.fixedSize()).isEqualTo(8);
        assertThat(DataType.Kind.STRING.fixedSize()).isEqualTo(-1);
        assertThat(DataType.Kind.FLOAT32.arrayType()).isEqualTo(float[].class);
        assertThat(DataType.Kind.UINT16.arrayType()).isEqualTo(int[].class);
    }

    // ---- text form ----

    @Test
    void parsesLength() {
        DataType<?> t = DataType.parse("string(20)");
        assertThat(t).isInstanceOf(DataType.Scalar.class).isEqualTo(DataType.STRING.length(20));
        assertThat(((DataType.Scalar<?, ?>) t).length()).isEqualTo(20);
        assertThat(t.name()).isEqualTo("string(20)");
        assertThat(t.kind()).isEqualTo(DataType.Kind.STRING);
        assertThat(DataType.parse("STRING(8)")).isEqualTo(DataType.STRING.length(8));
        assertThat(DataType.parse("WSTRING(8)").name()).isEqualTo("wstring(8)");
        assertThat(DataType.parse("bytes(4)")).isEqualTo(DataType.BYTES.length(4));
        assertThat(DataType.STRING.length()).isEqualTo(-1);
        assertThat(DataType.STRING.length(20)).isNotEqualTo(DataType.STRING).isNotEqualTo(DataType.STRING.length(21));
    }

    @Test
    void parsesFixedArrays() {
        DataType<?> t = DataType.parse("int16[10]");
        assertThat(t).isInstanceOf(DataType.ArrayOf.class).isEqualTo(DataType.INT16.array(10));
        DataType.ArrayOf<?> a = (DataType.ArrayOf<?>) t;
        assertThat(a.count()).isEqualTo(10);
        assertThat(a.element()).isSameAs(DataType.INT16);
        assertThat(a.isArray()).isTrue();
        assertThat(a.kind()).isEqualTo(DataType.Kind.INT16);
        assertThat(a.javaType()).isEqualTo(short[].class);
        assertThat(a.name()).isEqualTo("int16[10]");
        assertThat(DataType.parse("REAL[3]")).isEqualTo(DataType.FLOAT32.array(3));
        assertThat(DataType.parse("REAL[3]").name()).isEqualTo("float32[3]");
        assertThat(DataType.parse("string(20)[5]")).isEqualTo(DataType.STRING.length(20).array(5));
        assertThat(DataType.parse("string(20)[5]").name()).isEqualTo("string(20)[5]");
        assertThat(DataType.parse("bool[16]").javaType()).isEqualTo(boolean[].class);
        assertThat(DataType.parse("uint64[2]").javaType()).isEqualTo(BigInteger[].class);
        assertThat(DataType.parse("bytes(2)[2]").javaType()).isEqualTo(byte[][].class);
    }

    @Test
    void parsesOpenArrays() {
        DataType<?> t = DataType.parse("float64[]");
        assertThat(t).isEqualTo(DataType.FLOAT64.array());
        assertThat(((DataType.ArrayOf<?>) t).count()).isEqualTo(-1);
        assertThat(t.name()).isEqualTo("float64[]");
        assertThat(DataType.FLOAT64.array()).isNotEqualTo(DataType.FLOAT64.array(1));
    }

    @Test
    void equalityAndHashCode() {
        assertThat(DataType.INT16.array(3)).isEqualTo(DataType.INT16.array(3))
                .hasSameHashCodeAs(DataType.INT16.array(3));
        assertThat(DataType.INT16.array(3)).isNotEqualTo(DataType.UINT16.array(3));
        assertThat(DataType.STRING.length(5)).hasSameHashCodeAs(DataType.STRING.length(5));
        assertThat(DataType.INT16).isNotEqualTo(DataType.INT16.array(1));
        assertThat(DataType.INT16.array(1)).isNotEqualTo(DataType.INT16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nameRoundTrips")
    void nameParsesBackToAnEqualType(DataType<?> type) {
        assertThat(DataType.parse(type.name())).isEqualTo(type);
    }

    static Stream<DataType<?>> nameRoundTrips() {
        return Stream.of(DataType.BOOL, DataType.INT8, DataType.UINT64, DataType.FLOAT32, DataType.STRING.length(7),
                DataType.WSTRING.length(1), DataType.BYTES.length(16), DataType.DATETIME, DataType.DURATION,
                DataType.DATE, DataType.TIME, DataType.LTIME, DataType.DT, DataType.DTL, DataType.AUTO,
                DataType.INT16.array(10), DataType.FLOAT64.array(), DataType.STRING.length(3).array(2),
                DataType.LTIME.array(4), DataType.DTL.array());
    }

    @ParameterizedTest(name = "''{0}'' → position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|0|a type name",
        "[3]|0|a type name",
        "(3)|0|a type name",
        "float|0|one of",
        "Int16|0|did you mean 'int16'",
        "int16(2)|5|int16 takes no length",
        "string(|7|')' closing the length started at position 6",
        "string()|7|a length of 1 or more",
        "string(0)|7|a length of 1 or more",
        "string(x)|7|a length of 1 or more",
        "string(-1)|7|a length of 1 or more",
        "string(99999999999)|7|at most 2147483647",
        "int16[|6|']' closing the array count",
        "int16[0]|6|an array count of 1 or more",
        "int16[-1]|6|an array count of 1 or more",
        "int16[a]|6|an array count of 1 or more",
        "int16[1a]|7|an array count of 1 or more",
        "int16[3]x|8|the end of the type after ']'",
        "int16[3][4]|8|the end of the type after ']'",
        "int16x|0|one of",
        "\"int16 \"|5|'[count]' or the end of the type",
        "int16{3}|5|'[count]' or the end of the type",
        "string(5)(6)|9|'[count]' or the end of the type",
        "auto[3]|0|an element type for the array",
    })
    void parseErrorsNameThePositionAndWhatWasExpected(String spec, int position, String expected) {
        TagAddressException e = catchThrowableOfType(TagAddressException.class, () -> DataType.parse(spec));
        assertThat(e).as(spec).isNotNull();
        assertThat(e.input()).isEqualTo(spec);
        assertThat(e.position()).as("position in '%s': %s", spec, e.getMessage()).isEqualTo(position);
        assertThat(e.expected()).contains(expected);
        assertThat(e.getMessage()).contains("at position " + position).contains(expected);
    }

    @Test
    void errorMessageHasACaretUnderThePosition() {
        TagAddressException e = catchThrowableOfType(TagAddressException.class, () -> DataType.parse("int16[x]"));
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("invalid tag 'int16[x]' at position 6: expected an array count of 1 or more");
        assertThat(lines[1]).isEqualTo("  int16[x]");
        assertThat(lines[2]).isEqualTo("        ^");
        assertThat(lines[2].indexOf('^') - 2).isEqualTo(6);
    }

    @Test
    void lengthAndArrayBuildersValidate() {
        assertThatThrownBy(() -> DataType.INT16.length(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int16 takes no length");
        assertThatThrownBy(() -> DataType.STRING.length(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DataType.INT16.array(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> DataType.AUTO.array(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto cannot be an array element");
        assertThatThrownBy(() -> DataType.AUTO.array()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void castChecksTheJavaType() {
        assertThat(DataType.INT16.cast((short) 5)).isEqualTo((short) 5);
        assertThat(DataType.INT16.cast(null)).isNull();
        assertThatThrownBy(() -> DataType.INT16.cast(5))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("expected a int16 value (Short) but got Integer 5");
        assertThatThrownBy(() -> DataType.INT16.array(2).cast(new int[2]))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("int[] of length 2");
        short[] s = {1, 2};
        assertThat(DataType.INT16.array(2).cast(s)).isSameAs(s);
    }

    @Test
    void valuesEqualComparesArraysByContent() {
        assertThat(DataType.valuesEqual(new short[] {1, 2}, new short[] {1, 2})).isTrue();
        assertThat(DataType.valuesEqual(new short[] {1, 2}, new short[] {1, 3})).isFalse();
        assertThat(DataType.valuesEqual(new byte[][] {{1}}, new byte[][] {{1}})).isTrue();
        assertThat(DataType.valuesEqual(null, null)).isTrue();
        assertThat(DataType.valuesEqual(1, null)).isFalse();
        assertThat(DataType.valuesEqual(Map.of(), Map.of())).isTrue();
    }
}
