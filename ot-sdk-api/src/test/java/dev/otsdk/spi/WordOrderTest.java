package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.otsdk.api.TagAddressException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WordOrderTest {

    @ParameterizedTest
    @CsvSource({
        "ABCD, 11223344, 11223344",
        "CDAB, 11223344, 33441122",
        "BADC, 11223344, 22114433",
        "DCBA, 11223344, 44332211",
        // float32 123.456f = 0x42F6E979
        "ABCD, 42F6E979, 42F6E979",
        "CDAB, 42F6E979, E97942F6",
        "BADC, 42F6E979, F64279E9",
        "DCBA, 42F6E979, 79E9F642",
    })
    void apply32(WordOrder order, String natural, String wire) {
        int n = Integer.parseUnsignedInt(natural, 16);
        int w = Integer.parseUnsignedInt(wire, 16);
        assertThat(order.apply32(n)).isEqualTo(w);
        assertThat(order.apply32(w)).as("self-inverse").isEqualTo(n);
    }

    @ParameterizedTest
    @CsvSource({
        "ABCD, 1122334455667788, 1122334455667788",
        // least significant word first: GH EF CD AB
        "CDAB, 1122334455667788, 7788556633441122",
        "BADC, 1122334455667788, 2211443366558877",
        "DCBA, 1122334455667788, 8877665544332211",
    })
    void apply64(WordOrder order, String natural, String wire) {
        long n = Long.parseUnsignedLong(natural, 16);
        long w = Long.parseUnsignedLong(wire, 16);
        assertThat(order.apply64(n)).isEqualTo(w);
        assertThat(order.apply64(w)).as("self-inverse").isEqualTo(n);
    }

    @ParameterizedTest
    @CsvSource({"ABCD, 1122", "CDAB, 1122", "BADC, 2211", "DCBA, 2211"})
    void apply16OnlySwapsBytesForBadcAndDcba(WordOrder order, String wire) {
        assertThat(order.apply16((short) 0x1122)).isEqualTo((short) Integer.parseInt(wire, 16));
        assertThat(order.swapsBytes()).isEqualTo(order == WordOrder.BADC || order == WordOrder.DCBA);
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void everyOrderIsItsOwnInverseForRandomValues(WordOrder order) {
        long seed = System.nanoTime();
        System.out.println("WordOrderTest " + order + " seed = " + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            short s = (short) r.nextInt();
            int v = r.nextInt();
            long l = r.nextLong();
            assertThat(order.apply16(order.apply16(s))).as("seed %d", seed).isEqualTo(s);
            assertThat(order.apply32(order.apply32(v))).as("seed %d", seed).isEqualTo(v);
            assertThat(order.apply64(order.apply64(l))).as("seed %d", seed).isEqualTo(l);
        }
    }

    @Test
    void parseIsCaseInsensitive() {
        assertThat(WordOrder.parse("cdab", "x", 0)).isEqualTo(WordOrder.CDAB);
        assertThat(WordOrder.parse("DcBa", "x", 0)).isEqualTo(WordOrder.DCBA);
        TagAddressException e = catchThrowableOfType(TagAddressException.class,
                () -> WordOrder.parse("ACBD", "holding:0:float32:ACBD", 18));
        assertThat(e.input()).isEqualTo("holding:0:float32:ACBD");
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.expected()).isEqualTo("a word order: ABCD, CDAB, BADC or DCBA");
    }
}
