package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagValueTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final Tag<Integer> REG = Tag.of("holding:0", DataType.UINT16);
    private static final Status ILLEGAL_ADDRESS = new Status(2, "ILLEGAL_DATA_ADDRESS",
            "The register address is not valid for the device");

    @Test
    void good() {
        TagValue<Integer> v = TagValue.good(REG, 7, T0);
        assertThat(v.value()).isEqualTo(7);
        assertThat(v.valueOrNull()).isEqualTo(7);
        assertThat(v.hasValue()).isTrue();
        assertThat(v.isGood()).isTrue();
        assertThat(v.quality()).isEqualTo(Quality.GOOD);
        assertThat(v.status()).isSameAs(Status.GOOD);
        assertThat(v.tag()).isSameAs(REG);
        assertThat(v.receivedTime()).isEqualTo(T0);
        assertThat(v.sourceTime()).isEmpty();
        assertThat(v.serverTime()).isEmpty();
        assertThat(v).hasToString("holding:0:uint16 = 7 (GOOD)");
        assertThatThrownBy(() -> TagValue.good(REG, null, T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void badValueThrowsDeviceExceptionCarryingTheStatus() {
        TagValue<Integer> v = TagValue.bad(REG, ILLEGAL_ADDRESS, T0);
        assertThat(v.hasValue()).isFalse();
        assertThat(v.isGood()).isFalse();
        assertThat(v.quality()).isEqualTo(Quality.BAD);
        assertThat(v.valueOrNull()).isNull();
        DeviceException e = catchThrowableOfType(DeviceException.class, v::value);
        assertThat(e.status()).isSameAs(ILLEGAL_ADDRESS);
        assertThat(e).hasMessage("read holding:0:uint16 failed: ILLEGAL_DATA_ADDRESS (2): The register address is"
                + " not valid for the device");
        assertThat(v).hasToString("holding:0:uint16 = <none> (BAD, ILLEGAL_DATA_ADDRESS (2): The register address"
                + " is not valid for the device)");
    }

    @Test
    void uncertainWithValueAndTimestamps() {
        Status lastUsable = new Status(0x40900000L, "Uncertain_LastUsableValue", "");
        Instant src = T0.minusSeconds(1);
        Instant srv = T0.minusMillis(500);
        TagValue<Integer> v = TagValue.of(REG, 3, Quality.UNCERTAIN, lastUsable, src, srv, T0);
        assertThat(v.value()).isEqualTo(3);
        assertThat(v.isGood()).isFalse();
        assertThat(v.hasValue()).isTrue();
        assertThat(v.sourceTime()).contains(src);
        assertThat(v.serverTime()).contains(srv);
        assertThat(v).hasToString("holding:0:uint16 = 3 (UNCERTAIN, Uncertain_LastUsableValue (0x40900000))");
    }

    @Test
    void namedTagIsShownByName() {
        TagValue<Integer> v = TagValue.good(REG.named("level"), 5, T0);
        assertThat(v).hasToString("level (holding:0:uint16) = 5 (GOOD)");
    }

    @Test
    void arraysRenderAsLists() {
        Tag<short[]> t = Tag.of("holding:0", DataType.INT16.array(3));
        assertThat(TagValue.good(t, new short[] {1, -2, 3}, T0)).hasToString("holding:0:int16[3] = [1, -2, 3] (GOOD)");
        Tag<float[]> f = Tag.of("x", DataType.FLOAT32.array(2));
        assertThat(TagValue.good(f, new float[] {1.5f, Float.NaN}, T0)).hasToString("x:float32[2] = [1.5, NaN] (GOOD)");
        Tag<boolean[]> b = Tag.of("coil:0", DataType.BOOL.array(2));
        assertThat(TagValue.good(b, new boolean[] {true, false}, T0)).hasToString(
                "coil:0:bool[2] = [true, false] (GOOD)");
        Tag<BigInteger[]> u = Tag.of("x", DataType.UINT64.array(1));
        assertThat(TagValue.good(u, new BigInteger[] {new BigInteger("18446744073709551615")}, T0))
                .hasToString("x:uint64[1] = [18446744073709551615] (GOOD)");
        Tag<byte[][]> bb = Tag.of("x", DataType.BYTES.array(2));
        assertThat(TagValue.good(bb, new byte[][] {{1, 2}, {}}, T0)).hasToString("x:bytes[2] = [[1, 2], []] (GOOD)");
        Tag<String[]> s = Tag.of("x", DataType.STRING.array(0 + 2));
        assertThat(TagValue.good(s, new String[] {"a", "b"}, T0)).hasToString("x:string[2] = [a, b] (GOOD)");
    }

    @Test
    void longArraysAreAbbreviatedAfter32Elements() {
        Tag<int[]> t = Tag.of("holding:0", DataType.UINT16.array(100));
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        String s = TagValue.good(t, values, T0).toString();
        assertThat(s).startsWith("holding:0:uint16[100] = [0, 1, 2,").contains(", 31, … 68 more]")
                .doesNotContain(", 32,");
        int[] exactly32 = new int[32];
        assertThat(TagValue.good(Tag.of("x", DataType.UINT16.array(32)), exactly32, T0).toString())
                .doesNotContain("more").endsWith(", 0] (GOOD)");
    }

    @Test
    void equalityComparesArraysByContent() {
        Tag<short[]> t = Tag.of("holding:0", DataType.INT16.array(2));
        TagValue<short[]> a = TagValue.good(t, new short[] {1, 2}, T0);
        TagValue<short[]> b = TagValue.good(t, new short[] {1, 2}, T0);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TagValue.good(t, new short[] {1, 3}, T0));
        assertThat(a).isNotEqualTo(TagValue.good(t, new short[] {1, 2}, T0.plusMillis(1)));
        assertThat(TagValue.bad(REG, ILLEGAL_ADDRESS, T0)).isEqualTo(TagValue.bad(REG, ILLEGAL_ADDRESS, T0));
        assertThat(TagValue.bad(REG, ILLEGAL_ADDRESS, T0)).isNotEqualTo(TagValue.bad(REG, Status.GOOD, T0));
    }

    @Test
    void requiredFields() {
        assertThatThrownBy(() -> TagValue.of(null, 1, Quality.GOOD, Status.GOOD, null, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TagValue.of(REG, 1, null, Status.GOOD, null, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TagValue.of(REG, 1, Quality.GOOD, null, null, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TagValue.of(REG, 1, Quality.GOOD, Status.GOOD, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
