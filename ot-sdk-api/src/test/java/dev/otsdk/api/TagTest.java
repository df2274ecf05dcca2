package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    static Stream<Arguments> parseForms() {
        return Stream.of(
                Arguments.of("holding:100:float32", "holding:100", DataType.FLOAT32),
                Arguments.of("holding:100", "holding:100", DataType.AUTO),
                Arguments.of("coil:7:bool", "coil:7", DataType.BOOL),
                Arguments.of("DB1.DBW0:INT[10]", "DB1.DBW0", DataType.INT16.array(10)),
                Arguments.of("DB1.DBW0:int16[10]", "DB1.DBW0", DataType.INT16.array(10)),
                Arguments.of("DB1.DBD4:REAL", "DB1.DBD4", DataType.FLOAT32),
                Arguments.of("DB1.DBB10:string(20)", "DB1.DBB10", DataType.STRING.length(20)),
                Arguments.of("DB1.DBX0.0", "DB1.DBX0.0", DataType.AUTO),
                Arguments.of("DB1.DBD0:TIME", "DB1.DBD0", DataType.DURATION),
                Arguments.of("DB1.DBD0:time", "DB1.DBD0", DataType.TIME),
                Arguments.of("ns=2;s=Temp", "ns=2;s=Temp", DataType.AUTO),
                Arguments.of("ns=2;s=Temp:float64", "ns=2;s=Temp", DataType.FLOAT64),
                Arguments.of("ns=2;s=Motor:Speed", "ns=2;s=Motor:Speed", DataType.AUTO),
                Arguments.of("ns=2;s=Motor:Speed:int32", "ns=2;s=Motor:Speed", DataType.INT32),
                Arguments.of("ns=2;s=Motor:int16:auto", "ns=2;s=Motor:int16", DataType.AUTO),
                Arguments.of("ns=2;s=Array:float32[]", "ns=2;s=Array", DataType.FLOAT32.array()),
                Arguments.of("ns=2;i=1001", "ns=2;i=1001", DataType.AUTO),
                Arguments.of("holding:0:9", "holding:0:9", DataType.AUTO),
                Arguments.of("  holding:1:uint16  ", "holding:1", DataType.UINT16),
                Arguments.of("input:3:int16x", "input:3:int16x", DataType.AUTO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseForms")
    void parse(String spec, String address, DataType<?> type) {
        Tag<?> t = Tag.parse(spec);
        assertThat(t.address()).isEqualTo(address);
        assertThat(t.type()).isEqualTo(type);
        assertThat(t.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseForms")
    void specRoundTrips(String spec, String address, DataType<?> type) {
        Tag<?> t = Tag.parse(spec);
        assertThat(Tag.parse(t.spec())).isEqualTo(t);
    }

    @Test
    void specIsAddressColonTypeName() {
        assertThat(Tag.of("holding:1", DataType.FLOAT32).spec()).isEqualTo("holding:1:float32");
        assertThat(Tag.parse("DB1.DBW0:INT[10]").spec()).isEqualTo("DB1.DBW0:int16[10]");
        assertThat(Tag.of("holding:1").spec()).isEqualTo("holding:1");
        assertThat(Tag.of("ns=2;s=Motor:Speed").spec()).isEqualTo("ns=2;s=Motor:Speed");
    }

    @Test
    void autoTagWhoseAddressEndsInATypeNameKeepsTheEscapeInItsSpec() {
        Tag<Object> t = Tag.of("ns=2;s=Motor:int16");
        assertThat(t.spec()).isEqualTo("ns=2;s=Motor:int16:auto");
        assertThat(Tag.parse(t.spec())).isEqualTo(t);
        Tag<Object> wrongCase = Tag.of("ns=2;s=Tank:Real");
        assertThat(Tag.parse(wrongCase.spec())).isEqualTo(wrongCase);
        Tag<Object> trailingColon = Tag.of("ns=2;s=Odd:");
        assertThat(Tag.parse(trailingColon.spec())).isEqualTo(trailingColon);
    }

    @Test
    void wrongCaseTypeSuggestsTheRightSpelling() {
        TagAddressException e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("holding:1:Int16"));
        assertThat(e.input()).isEqualTo("holding:1:Int16");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.getMessage()).contains("did you mean 'int16'").contains("case-sensitive");
        assertThat(e.getMessage().split("\n")[2]).isEqualTo("  " + " ".repeat(10) + "^");

        e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("DB1.DBD4:Real"));
        assertThat(e.getMessage()).contains("did you mean 'REAL'");
    }

    @Test
    void typeErrorsArePositionedInTheWholeTag() {
        TagAddressException e = catchThrowableOfType(TagAddressException.class,
                () -> Tag.parse("holding:100:int16[x]"));
        assertThat(e.input()).isEqualTo("holding:100:int16[x]");
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.expected()).contains("array count");

        e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("DB1.DBW0:int16(2)"));
        assertThat(e.position()).isEqualTo(14);

        e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("DB1.DBW0:string("));
        assertThat(e.position()).isEqualTo(16);

        e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("DB1:auto[2]"));
        assertThat(e.position()).isEqualTo(4);
    }

    @Test
    void trailingColonIsAnError() {
        TagAddressException e = catchThrowableOfType(TagAddressException.class, () -> Tag.parse("holding:1:"));
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.expected()).isEqualTo("a type name after ':'");
        assertThatThrownBy(() -> Tag.parse(":")).isInstanceOf(TagAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankIsAnError(String spec) {
        assertThatThrownBy(() -> Tag.parse(spec)).isInstanceOf(TagAddressException.class)
                .hasMessageContaining("expected an address");
        assertThatThrownBy(() -> Tag.of(spec, DataType.INT16)).isInstanceOf(TagAddressException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> Tag.parse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Tag.of(null, DataType.INT16)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Tag.of("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Tag.of("x").named(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalsAndHashCodeIncludeTheName() {
        Tag<Float> a = Tag.of("holding:1", DataType.FLOAT32);
        Tag<Float> b = Tag.of("holding:1", DataType.FLOAT32);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isEqualTo(Tag.parse("holding:1:REAL"));
        assertThat(a).isNotEqualTo(Tag.of("holding:1", DataType.FLOAT64));
        assertThat(a).isNotEqualTo(Tag.of("holding:2", DataType.FLOAT32));
        assertThat(a).isNotEqualTo(Tag.of("holding:1"));

        Tag<Float> named = a.named("boiler");
        assertThat(named).isNotEqualTo(a);
        assertThat(named).isEqualTo(b.named("boiler")).hasSameHashCodeAs(b.named("boiler"));
        assertThat(named).isNotEqualTo(a.named("other"));
        assertThat(named.name()).contains("boiler");
        assertThat(named.address()).isEqualTo("holding:1");
        assertThat(named.type()).isSameAs(DataType.FLOAT32);
        assertThat(a.name()).isEmpty();
        assertThat(named.spec()).isEqualTo("holding:1:float32");
    }

    @Test
    void toStringUsesTheName() {
        assertThat(Tag.of("holding:1", DataType.FLOAT32)).hasToString("holding:1:float32");
        assertThat(Tag.of("holding:1", DataType.FLOAT32).named("boiler")).hasToString("boiler (holding:1:float32)");
    }
}
