package dev.otsdk.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.spi.WordOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The tag syntax of the module README, and its error messages. */
class AddressParserTest {

    private static ModbusAddress parse(String spec) {
        return AddressParser.parse(Tag.parse(spec), 1, 125, 2000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "holding:100                 | 1 | HOLDING  | 100 | -1 | ABCD | uint16     | 1",
        "hr:100:int16                | 1 | HOLDING  | 100 | -1 | ABCD | int16      | 1",
        "holding:100@CDAB:float32    | 1 | HOLDING  | 100 | -1 | CDAB | float32    | 2",
        "holding:0x10@dcba:float64   | 1 | HOLDING  | 16  | -1 | DCBA | float64    | 4",
        "input:7:uint32              | 1 | INPUT    | 7   | -1 | ABCD | uint32     | 2",
        "coil:5                      | 1 | COIL     | 5   | -1 | ABCD | bool       | 1",
        "coil:0[16]                  | 1 | COIL     | 0   | -1 | ABCD | bool[16]   | 16",
        "discrete:3:bool[4]          | 1 | DISCRETE | 3   | -1 | ABCD | bool[4]    | 4",
        "holding:5.3                 | 1 | HOLDING  | 5   | 3  | ABCD | bool       | 1",
        "holding:10[4]:int32         | 1 | HOLDING  | 10  | -1 | ABCD | int32[4]   | 8",
        "holding:10[3]               | 1 | HOLDING  | 10  | -1 | ABCD | uint16[3]  | 3",
        "holding:10:string(21)       | 1 | HOLDING  | 10  | -1 | ABCD | string(21) | 11",
        "3/holding:10:bytes(4)       | 3 | HOLDING  | 10  | -1 | ABCD | bytes(4)   | 2",
        "400101                      | 1 | HOLDING  | 100 | -1 | ABCD | uint16     | 1",
        "40001:float32               | 1 | HOLDING  | 0   | -1 | ABCD | float32    | 2",
        "4x00101@CDAB:REAL           | 1 | HOLDING  | 100 | -1 | CDAB | float32    | 2",
        "300001                      | 1 | INPUT    | 0   | -1 | ABCD | uint16     | 1",
        "000010                      | 1 | COIL     | 9   | -1 | ABCD | bool       | 1",
        "1x0002                      | 1 | DISCRETE | 1   | -1 | ABCD | bool       | 1",
        "255/400001.15               | 255 | HOLDING | 0  | 15 | ABCD | bool       | 1",
    })
    void parses(String spec, int unit, Table table, int offset, int bit, WordOrder order, String type, int quantity) {
        ModbusAddress a = parse(spec);

        assertThat(a.unit()).isEqualTo(unit);
        assertThat(a.table()).isEqualTo(table);
        assertThat(a.offset()).isEqualTo(offset);
        assertThat(a.bit()).isEqualTo(bit);
        assertThat(a.order()).isEqualTo(order);
        assertThat(a.type()).isEqualTo(DataType.parse(type));
        assertThat(a.quantity()).isEqualTo(quantity);
    }

    @Test
    void stringsTakeAByteOrder() {
        assertThat(parse("holding:0@BA:string(4)").swapBytes()).isTrue();
        assertThat(parse("holding:0@AB:string(4)").swapBytes()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "holdng:1                  | 0  | an area: coil, discrete, input or holding",
        "holding                   | 7  | ':' and an offset",
        "holding:70000             | 8  | an offset 0..65535",
        "holding:1.16              | 10 | a bit number 0..15",
        "coil:1.2                  | 6  | addresses are single bits already",
        "holding:1@XYZW:float32    | 10 | a word order: ABCD, CDAB, BADC or DCBA",
        "holding:1@CDAB:string(4)  | 10 | a byte order for text and bytes",
        "holding:1x                | 9  | '.bit', '@order', '[count]' or the end",
        "300/holding:1             | 0  | a unit id 0..255",
        "499999                    | 1  | a 1-based register number 1..65536",
        "4001                      | 1  | a Modicon number of 5 or 6 digits",
        "coil:1:float32            | 7  | bool or bool[n]",
        "holding:1:string          | 10 | string(n) with a length",
        "holding:1:int8            | 10 | a Modbus register type",
        "holding:1:bool            | 10 | for one bit of a register write holding:N.bit",
        "holding:1[2]:int16[2]     | 9  | no '[count]' in the address",
        "holding:1.2@CDAB          | 11 | a word order applies to register values, not to bits",
    })
    void errorsNameThePositionAndWhatWasExpected(String spec, int position, String expected) {
        assertThatThrownBy(() -> parse(spec)).isInstanceOf(TagAddressException.class)
                .satisfies(e -> {
                    TagAddressException t = (TagAddressException) e;
                    assertThat(t.position()).as(t.getMessage()).isEqualTo(position);
                    assertThat(t.expected()).contains(expected);
                });
    }

    @Test
    void aTagLargerThanOneRequestIsRejected() {
        assertThatThrownBy(() -> parse("holding:0:int16[126]")).hasMessageContaining("spans 126 registers")
                .hasMessageContaining("maxRegisters");
        assertThatThrownBy(() -> parse("holding:65535:int32")).hasMessageContaining("runs past the last address");
    }
}
