package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {

    private static Map<String, OptionSpec> specs() {
        Map<String, OptionSpec> m = new LinkedHashMap<>();
        for (OptionSpec s : List.of(
                OptionSpec.integer("unit", 0, 255, 1L, "the unit id"),
                OptionSpec.integer("big", 0, Long.MAX_VALUE, null, "a big number"),
                OptionSpec.duration("poll", "1s", "poll period"),
                OptionSpec.bool("swap", false, "swap words"),
                OptionSpec.string("user", null, "the user"),
                OptionSpec.choice("mode", List.of("a", "b"), "a", "the mode"))) {
            m.put(s.name(), s);
        }
        return m;
    }

    @Test
    void typedGetters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("unit", 3L);
        values.put("big", Long.MAX_VALUE);
        values.put("poll", Duration.ofMillis(250));
        values.put("swap", true);
        values.put("user", "op");
        values.put("mode", "b");
        DriverOptions o = new DriverOptions(specs(), values);
        assertThat(o.getLong("unit")).isEqualTo(3L);
        assertThat(o.getInt("unit")).isEqualTo(3);
        assertThat(o.getLong("big")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> o.getInt("big")).isInstanceOf(ArithmeticException.class);
        assertThat(o.getDuration("poll")).isEqualTo(Duration.ofMillis(250));
        assertThat(o.getBool("swap")).isTrue();
        assertThat(o.getString("user")).isEqualTo("op");
        assertThat(o.getString("mode")).isEqualTo("b");
        assertThat(o.get("unit")).contains(3L);
        assertThat(o.has("unit")).isTrue();
        assertThat(o.values()).containsEntry("poll", Duration.ofMillis(250));
        assertThat(o.toString()).contains("unit=3");
    }

    @Test
    void missingValuesAreConfigurationErrorsNamingTheOption() {
        DriverOptions o = new DriverOptions(specs(), Map.of());
        assertThatThrownBy(() -> o.getLong("unit")).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'unit' is required: the unit id");
        assertThatThrownBy(() -> o.getDuration("poll")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> o.getBool("swap")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> o.getString("user")).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'user' is required: the user");
        assertThat(o.get("user")).isEmpty();
        assertThat(o.has("user")).isFalse();
    }

    @Test
    void undeclaredOrWronglyTypedAccessIsAProgrammingError() {
        DriverOptions o = new DriverOptions(specs(), Map.of("unit", 1L));
        assertThatThrownBy(() -> o.getLong("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'nope' was not declared by the driver");
        assertThatThrownBy(() -> o.get("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.has("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.getDuration("unit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option unit is INT, not DURATION");
        assertThatThrownBy(() -> o.getString("unit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option unit is INT, not text");
        assertThatThrownBy(() -> o.getBool("mode")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void immutableCopies() {
        Map<String, OptionSpec> s = specs();
        Map<String, Object> v = new LinkedHashMap<>(Map.of("unit", 1L));
        DriverOptions o = new DriverOptions(s, v);
        v.put("unit", 2L);
        s.remove("unit");
        assertThat(o.getLong("unit")).isEqualTo(1L);
        assertThatThrownBy(() -> o.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parsedThroughSpecsEndToEnd() {
        Map<String, OptionSpec> s = specs();
        String uri = "modbus+tcp://h?unit=0x0A&mode=B";
        DriverOptions o = new DriverOptions(s, Map.of(
                "unit", s.get("unit").parse("0x0A", uri),
                "mode", s.get("mode").parse("B", uri),
                "poll", s.get("poll").parse(s.get("poll").defaultValue(), uri)));
        assertThat(o.getInt("unit")).isEqualTo(10);
        assertThat(o.getString("mode")).isEqualTo("b");
        assertThat(o.getDuration("poll")).isEqualTo(Duration.ofSeconds(1));
    }
}
