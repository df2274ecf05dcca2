package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriParserTest {

    @Test
    void fullModbusUri() {
        UriParser.Parsed p = UriParser.parse("modbus+tcp://10.0.0.5:1502?unit=3&timeout=2s");
        assertThat(p.scheme()).isEqualTo("modbus+tcp");
        assertThat(p.host()).isEqualTo("10.0.0.5");
        assertThat(p.port()).isEqualTo(1502);
        assertThat(p.path()).isEmpty();
        assertThat(p.query()).containsExactly(Map.entry("unit", "3"), Map.entry("timeout", "2s"));
        assertThat(p.uri()).isEqualTo("modbus+tcp://10.0.0.5:1502?unit=3&timeout=2s");
    }

    @Test
    void schemeIsLowerCasedHostIsKept() {
        UriParser.Parsed p = UriParser.parse("  MODBUS+TCP://PLC-1.Example  ");
        assertThat(p.scheme()).isEqualTo("modbus+tcp");
        assertThat(p.host()).isEqualTo("PLC-1.Example");
        assertThat(p.uri()).as("stripped").isEqualTo("MODBUS+TCP://PLC-1.Example");
        assertThat(UriParser.parse("Opc.Tcp://h").scheme()).isEqualTo("opc.tcp");
        assertThat(UriParser.parse("modbus+rtu+tcp://h:4001").scheme()).isEqualTo("modbus+rtu+tcp");
    }

    @Test
    void portIsMinusOneWhenAbsent() {
        assertThat(UriParser.parse("s7://plc").port()).isEqualTo(-1);
        assertThat(UriParser.parse("s7://plc?rack=0").port()).isEqualTo(-1);
        assertThat(UriParser.parse("s7://[::1]").port()).isEqualTo(-1);
        assertThat(UriParser.parse("s7://plc:102").port()).isEqualTo(102);
        assertThat(UriParser.parse("s7://plc:1").port()).isEqualTo(1);
        assertThat(UriParser.parse("s7://plc:65535").port()).isEqualTo(65535);
        assertThat(UriParser.parse("s7://plc:0502").port()).isEqualTo(502);
    }

    @Test
    void ipv6InBrackets() {
        UriParser.Parsed p = UriParser.parse("modbus+tcp://[fe80::1]:502?unit=1");
        assertThat(p.host()).isEqualTo("fe80::1");
        assertThat(p.port()).isEqualTo(502);
        UriParser.Parsed q = UriParser.parse("opc.tcp://[2001:db8::42]/UA/Server");
        assertThat(q.host()).isEqualTo("2001:db8::42");
        assertThat(q.port()).isEqualTo(-1);
        assertThat(q.path()).isEqualTo("/UA/Server");
    }

    @Test
    void paths() {
        assertThat(UriParser.parse("opc.tcp://host:4840/path").path()).isEqualTo("/path");
        assertThat(UriParser.parse("opc.tcp://host:4840/").path()).isEqualTo("/");
        assertThat(UriParser.parse("opc.tcp://host:4840/a/b?x=1").path()).isEqualTo("/a/b");
        assertThat(UriParser.parse("opc.tcp://host:4840/my%20server").path()).isEqualTo("/my server");
        assertThat(UriParser.parse("opc.tcp://host:4840/a+b").path()).isEqualTo("/a+b");
        assertThat(UriParser.parse("opc.tcp://host:4840").path()).isEmpty();
    }

    @Test
    void percentDecodingKeepsPlus() {
        UriParser.Parsed p = UriParser.parse("opc.tcp://h?user=a+b&pw=a%2Bb%20c&pct=100%25&eq=a=b&empty=");
        assertThat(p.query()).containsEntry("user", "a+b")
                .containsEntry("pw", "a+b c")
                .containsEntry("pct", "100%")
                .containsEntry("eq", "a=b")
                .containsEntry("empty", "");
        assertThat(UriParser.parse("opc.tcp://h?n%61me=%C3%A4%E2%82%AC").query()).containsExactly(
                Map.entry("name", "ä€"));
        assertThat(UriParser.parse("opc.tcp://h?x=%F0%9F%98%80").query()).containsEntry("x", "😀");
        assertThat(UriParser.parse("opc.tcp://h?x=😀%20y").query()).containsEntry("x", "😀 y");
    }

    @Test
    void queryOrderIsKept() {
        UriParser.Parsed p = UriParser.parse("s7://h?z=1&a=2&m=3");
        assertThat(List.copyOf(p.query().keySet())).containsExactly("z", "a", "m");
        assertThat(UriParser.parse("s7://h?").query()).isEmpty();
        assertThat(UriParser.parse("s7://h").query()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s7://h?unit=1&unit=2|gives option 'unit' twice",
        "s7://h?unit=1&un%69t=2|gives option 'unit' twice",
        "s7://h?a=1&&b=2|has an empty query option",
        "s7://h?a=1&|has an empty query option",
        "s7://h?&a=1|has an empty query option",
        "s7://h?flag|query option 'flag' must be name=value",
        "s7://h?=5|query option '=5' must be name=value",
        "s7://user:pw@h|carries user information: pass credentials with SessionOptions.credentials(...)",
        "s7://user@h:102|carries user information",
        "s7://h#frag|has a fragment ('#frag')",
        "s7://h?a=1#|has a fragment",
        "s7://h:99999|port 99999 is not in 1..65535",
        "s7://h:0|port 0 is not in 1..65535",
        "s7://h:abc|port 'abc' is not a number",
        "s7://h:+502|port '+502' is not a number",
        "s7://h:-1|port '-1' is not a number",
        "s7://h:|port '' is not a number",
        "s7://[::1|IPv6",
        "s7://[::1]x|at position 10: Expected port number",
        "s7://[::1]:abc|at position 11: Illegal character in port number",
        "s7:h|has no host",
        "s7:///path|has no host",
        "plc:102|has no host",
        "//plc:102|has no scheme",
        "plc|has no scheme",
        "s7://h?x=%FF|are not UTF-8",
    })
    void errors(String uri, String expected) {
        assertThatThrownBy(() -> UriParser.parse(uri)).as(uri).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(expected).hasMessageContaining(uri.length() > 4 ? uri.substring(0, 4) : uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s7://h?x=%zz", "s7://h?x=%4", "s7://h?x=%", "s7://h w", "s7://h?x=a b", ""})
    void malformedUrisAreConfigurationErrorsNamingTheUri(String uri) {
        assertThatThrownBy(() -> UriParser.parse(uri)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + uri + "'");
    }
}
