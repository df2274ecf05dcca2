package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "0, 0",
        "0s, 0",
        "5, 5000000000",
        "250ns, 250",
        "100us, 100000",
        "100µs, 100000",
        "500ms, 500000000",
        "500MS, 500000000",
        "2s, 2000000000",
        "1.5s, 1500000000",
        "0.1s, 100000000",
        "1.001s, 1001000000",
        ".5s, 500000000",
        "1m, 60000000000",
        "1min, 60000000000",
        "1.5m, 90000000000",
        "1h, 3600000000000",
        "1d, 86400000000000",
        "' 2 s ', 2000000000",
        "1m30s, 90000000000",
        "1h30m, 5400000000000",
        "1h2m3s, 3723000000000",
        "1s500ms, 1500000000",
        "1m 30s, 90000000000",
        "PT2S, 2000000000",
        "pt2s, 2000000000",
        "PT0.5S, 500000000",
        "P1D, 86400000000000",
        "PT1M30S, 90000000000",
        "9007199254740993ns, 9007199254740993",
        "9223372036854775807ns, 9223372036854775807",
    })
    void parse(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ms", "-5s", "5 parsecs", "5x", "1.2.3s", ".", "1e3ms", "s5", "PT", "PTxS",
        "1s1", "1m30", "+5s"})
    void parseErrors(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(text.trim().isEmpty() ? "empty duration" : "'" + text + "'");
    }

    @Test
    void parseErrorMessagesSayWhatWasExpected() {
        assertThatThrownBy(() -> Durations.parse("5x")).hasMessage(
                "invalid duration '5x': unknown unit 'x', expected ns, us, ms, s, m, h or d");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessage(
                "invalid duration 'soon': expected a number followed by ns, us, ms, s, m, h or d, e.g. 500ms");
        assertThatThrownBy(() -> Durations.parse("PT-1S")).hasMessage("duration 'PT-1S' is negative");
        assertThatThrownBy(() -> Durations.parse("PTxS")).hasMessage("invalid ISO-8601 duration 'PTxS'");
        assertThatThrownBy(() -> Durations.parse("")).hasMessage("empty duration: expected e.g. 500ms, 2s, 1m");
        assertThatThrownBy(() -> Durations.parse("1000000d")).hasMessage("duration '1000000d' is too long");
        assertThatThrownBy(() -> Durations.parse("9223372036854775808ns")).hasMessageContaining("too long");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "1000, 1us",
        "1500, 1500ns",
        "1000000, 1ms",
        "250000000, 250ms",
        "1500000000, 1500ms",
        "1000000000, 1s",
        "59000000000, 59s",
        "60000000000, 1m",
        "90000000000, 1m30s",
        "3600000000000, 1h",
        "3661000000000, 1h1m1s",
        "3601000000000, 1h1s",
        "86400000000000, 24h",
    })
    void format(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void formatNegativeAndHuge() {
        assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("-5s");
        assertThat(Durations.format(Duration.ofMillis(-1500))).isEqualTo("-1500ms");
        Duration huge = Duration.ofDays(200_000).plusNanos(1);
        String s = Durations.format(huge);
        assertThat(Durations.parse(s)).isEqualTo(huge);
        assertThat(Durations.format(Duration.ofDays(200_000))).isEqualTo("4800000h");
    }

    @Test
    void randomRoundTripsParseOfFormat() {
        long seed = System.nanoTime();
        System.out.println("DurationsTest seed = " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            Duration d = switch (random.nextInt(4)) {
                case 0 -> Duration.ofNanos(random.nextLong() & Long.MAX_VALUE);
                case 1 -> Duration.ofMillis(random.nextInt(1_000_000_000));
                case 2 -> Duration.ofSeconds(random.nextInt(10_000_000));
                default -> Duration.ofNanos(random.nextInt(2_000_000));
            };
            String text = Durations.format(d);
            assertThat(Durations.parse(text)).as("seed %d: %s → '%s'", seed, d, text).isEqualTo(d);
        }
    }
}
