package dev.otsdk.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.DataType;
import dev.otsdk.api.TagAddressException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAddressParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i=2258|0||i|2258",
        "ns=2;s=Line1.Temp|2||s|Line1.Temp",
        "ns=2;s=a;b=c|2||s|a;b=c",
        "ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a|1||g|09087e75-8e5e-499b-954f-f2a9603db28a",
        "ns=3;b=AQID|3||b|AQID",
        "nsu=urn:vendor:plc;s=X|-1|urn:vendor:plc|s|X",
        "nsu=urn:a;b;i=5|-1|urn:a;b|i|5"
    })
    void parsesEveryIdentifierType(String text, int ns, String uri, char type, String id) {
        NodeAddress a = NodeAddressParser.parse(text, DataType.INT16);
        assertThat(a.namespaceIndex()).isEqualTo(ns);
        assertThat(a.namespaceUri()).isEqualTo(uri);
        assertThat(a.idType()).isEqualTo(type);
        assertThat(a.identifier()).isEqualTo(id);
        assertThat(a.type()).isEqualTo(DataType.INT16);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "x=1|0",
        "ns=;s=A|3",
        "ns=70000;s=A|3",
        "ns=2s=A|7",
        "ns=2;q=A|5",
        "ns=2;s=|7",
        "i=|2",
        "i=4294967296|2",
        "ns=1;g=not-a-guid|7",
        "ns=1;b=***|7",
        "nsu=;s=A|4",
        "nsu=urn:x|9"
    })
    void refusesMalformedNodeIdsNamingThePosition(String text, int position) {
        assertThatThrownBy(() -> NodeAddressParser.parse(text, DataType.AUTO))
                .isInstanceOfSatisfying(TagAddressException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.input()).isEqualTo(text);
                });
    }
}
