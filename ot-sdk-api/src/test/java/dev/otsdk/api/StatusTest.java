package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void good() {
        assertThat(Status.GOOD.isGood()).isTrue();
        assertThat(new Status(0, "Good", "").isGood()).isTrue();
        assertThat(new Status(0, "Good", "").equals(Status.GOOD)).isTrue();
        assertThat(Status.GOOD).hasToString("Good (0)");
    }

    @Test
    void notGood() {
        assertThat(new Status(0, "OK", "").isGood()).as("code 0 but another name").isFalse();
        assertThat(new Status(1, "Good", "").isGood()).as("named Good but code 1").isFalse();
        assertThat(new Status(0x80340000L, "Bad_NodeIdUnknown", "").isGood()).isFalse();
    }

    @Test
    void opcUaGoodSubcodesAreGood() {
        assertThat(new Status(0x002E0000L, "Good_CompletesAsynchronously", "").isGood()).isTrue();
        assertThat(new Status(0x40000000L, "Good_NotReally", "").isGood()).as("uncertain severity bits").isFalse();
        assertThat(new Status(0x00A00000L, "Uncertain_X", "").isGood()).isFalse();
    }

    @Test
    void smallCodesAreDecimalLargeCodesAreEightDigitHex() {
        assertThat(new Status(2, "ILLEGAL_DATA_ADDRESS", "")).hasToString("ILLEGAL_DATA_ADDRESS (2)");
        assertThat(new Status(0x0A, "GATEWAY_PATH_UNAVAILABLE", "")).hasToString("GATEWAY_PATH_UNAVAILABLE (10)");
        assertThat(new Status(0xFFFF, "S7_MAX", "")).hasToString("S7_MAX (65535)");
        assertThat(new Status(0x10000, "X", "")).hasToString("X (0x00010000)");
        assertThat(new Status(0x80340000L, "Bad_NodeIdUnknown", "The node id refers to a node that does not exist"))
                .hasToString("Bad_NodeIdUnknown (0x80340000): The node id refers to a node that does not exist");
        assertThat(new Status(0xFFFFFFFFL, "X", "")).hasToString("X (0xFFFFFFFF)");
        assertThat(new Status(0x80AB0000L, "Bad_x", "")).hasToString("Bad_x (0x80AB0000)");
    }

    @Test
    void nullsRejected() {
        assertThatThrownBy(() -> new Status(1, null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Status(1, "x", null)).isInstanceOf(NullPointerException.class);
    }
}
