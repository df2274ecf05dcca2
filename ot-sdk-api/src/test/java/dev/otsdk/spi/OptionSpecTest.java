package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionSpecTest {

    private static final String URI = "modbus+tcp://plc:502?unit=300";
    private final OptionSpec unit = OptionSpec.integer("unit", 0, 255, 1L, "the Modbus unit id");

    @ParameterizedTest
    @CsvSource({"0, 0", "255, 255", "' 7 ', 7", "+3, 3", "0x10, 16", "0XfF, 255", "010, 10", "08, 8", "09, 9",
        "000, 0"})
    void integers(String raw, long expected) {
        assertThat(unit.parse(raw, URI)).isEqualTo(expected);
    }

    @Test
    void integerResultIsALong() {
        assertThat(unit.parse("5", URI)).isInstanceOf(Long.class);
        OptionSpec wide = OptionSpec.integer("n", Long.MIN_VALUE, Long.MAX_VALUE, null, "any");
        assertThat(wide.parse("-9223372036854775808", URI)).isEqualTo(Long.MIN_VALUE);
        assertThat(wide.parse("0x7FFFFFFFFFFFFFFF", URI)).isEqualTo(Long.MAX_VALUE);
        assertThat(wide.parse("-0x10", URI)).isEqualTo(-16L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "256", "300", "0x100", "abc", "", "1.5", "1e2", "#10", "--1", "+-1", "0x-1", "0x",
        "99999999999999999999", "1_0"})
    void integerErrorsNameTheOptionTheUriAndTheRange(String raw) {
        assertThatThrownBy(() -> unit.parse(raw, URI)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'unit' in " + URI + ": expected an integer 0..255, got '" + raw + "'");
    }

    @Test
    void durations() {
        OptionSpec t = OptionSpec.duration("timeout", "2s", "request timeout");
        assertThat(t.parse("500ms", URI)).isEqualTo(Duration.ofMillis(500));
        assertThat(t.parse(" 2s ", URI)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.parse("PT1M", URI)).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.parse("1m30s", URI)).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> t.parse("soon", URI)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'timeout' in " + URI + ": expected a duration such as 500ms or 2s, got 'soon'");
        assertThatThrownBy(() -> t.parse("-1s", URI)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("option 'timeout'");
    }

    @Test
    void booleans() {
        OptionSpec b = OptionSpec.bool("reconnect", true, "reconnect");
        assertThat(b.defaultValue()).isEqualTo("true");
        assertThat(b.parse("true", URI)).isEqualTo(true);
        assertThat(b.parse("FALSE", URI)).isEqualTo(false);
        assertThat(b.parse(" True ", URI)).isEqualTo(true);
        for (String bad : List.of("yes", "1", "", "on")) {
            assertThatThrownBy(() -> b.parse(bad, URI)).as(bad).isInstanceOf(ConfigurationException.class)
                    .hasMessage("option 'reconnect' in " + URI + ": expected true or false, got '" + bad + "'");
        }
    }

    @Test
    void stringsAreTakenAsGiven() {
        OptionSpec s = OptionSpec.string("user", null, "user name");
        assertThat(s.parse(" a b ", URI)).isEqualTo(" a b ");
        assertThat(s.parse("", URI)).isEqualTo("");
        assertThat(s.defaultValue()).isNull();
    }

    @Test
    void choicesAreCaseInsensitiveAndCanonical() {
        OptionSpec c = OptionSpec.choice("securityMode", List.of("None", "Sign", "SignAndEncrypt"), "None", "mode");
        assertThat(c.parse("signandencrypt", URI)).isEqualTo("SignAndEncrypt");
        assertThat(c.parse("SIGN", URI)).isEqualTo("Sign");
        assertThat(c.parse(" none ", URI)).isEqualTo("None");
        assertThatThrownBy(() -> c.parse("Encrypt", URI)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'securityMode' in " + URI
                        + ": expected one of None, Sign, SignAndEncrypt, got 'Encrypt'");
    }

    @Test
    void choicesAreCopied() {
        List<String> choices = new ArrayList<>(List.of("a", "b"));
        OptionSpec c = OptionSpec.choice("x", choices, null, "x");
        choices.add("c");
        assertThat(c.choices()).containsExactly("a", "b");
        assertThatThrownBy(() -> c.choices().add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringForHelp() {
        assertThat(unit).hasToString("unit (int 0..255, default 1): the Modbus unit id");
        assertThat(OptionSpec.duration("timeout", "2s", "request timeout"))
                .hasToString("timeout (duration, default 2s): request timeout");
        assertThat(OptionSpec.choice("m", List.of("a", "b"), null, "mode")).hasToString("m (choice a|b): mode");
        assertThat(OptionSpec.string("s", null, "text")).hasToString("s (string): text");
        assertThat(OptionSpec.bool("b", false, "flag")).hasToString("b (bool, default false): flag");
    }

    @Test
    void requiredComponents() {
        assertThatThrownBy(() -> OptionSpec.integer(null, 0, 1, null, "d")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OptionSpec.integer("n", 0, 1, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OptionSpec("n", null, null, "d", 0, 0, List.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
