package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.spi.OptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionResolverTest {

    private static final List<OptionSpec> MODBUS = List.of(
            OptionSpec.integer("unit", 0, 255, 1L, "the Modbus unit id"),
            OptionSpec.integer("maxGap", 0, 125, 10L, "registers skipped to merge reads"),
            OptionSpec.choice("wordOrder", List.of("ABCD", "CDAB", "BADC", "DCBA"), "ABCD", "word order"),
            OptionSpec.string("label", null, "free text"),
            OptionSpec.bool("swap", false, "swap bytes"));

    private static OptionResolver.Resolved resolve(String uri, SessionOptions options) {
        UriParser.Parsed p = UriParser.parse(uri);
        return OptionResolver.resolve(p.uri(), p.query(), options, MODBUS);
    }

    @Test
    void driverDefaultsAreFilledAndCommonDefaultsLeaveTheSessionAlone() {
        OptionResolver.Resolved r = resolve("modbus+tcp://h", SessionOptions.defaults());
        assertThat(r.driver().getInt("unit")).isEqualTo(1);
        assertThat(r.driver().getLong("maxGap")).isEqualTo(10L);
        assertThat(r.driver().getString("wordOrder")).isEqualTo("ABCD");
        assertThat(r.driver().getBool("swap")).isFalse();
        assertThat(r.driver().has("label")).isFalse();
        assertThat(r.driver().values()).containsOnlyKeys("unit", "maxGap", "wordOrder", "swap");
        assertThat(r.session().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.session().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.session().reconnect()).isEqualTo(ReconnectPolicy.defaults());
    }

    @Test
    void uriOptionsParseIntoTheDriverOptions() {
        OptionResolver.Resolved r = resolve("modbus+tcp://h?unit=0x11&wordOrder=cdab&label=a%20b&swap=TRUE",
                SessionOptions.defaults());
        assertThat(r.driver().getInt("unit")).isEqualTo(17);
        assertThat(r.driver().getString("wordOrder")).isEqualTo("CDAB");
        assertThat(r.driver().getString("label")).isEqualTo("a b");
        assertThat(r.driver().getBool("swap")).isTrue();
        assertThat(r.driver().values()).doesNotContainKey("timeout");
    }

    @Test
    void uriWinsOverSessionOptions() {
        SessionOptions options = SessionOptions.builder().option("unit", "5").option("maxGap", "3")
                .option("timeout", "9s").build();
        OptionResolver.Resolved r = resolve("modbus+tcp://h?unit=7&timeout=250ms", options);
        assertThat(r.driver().getInt("unit")).as("URI").isEqualTo(7);
        assertThat(r.driver().getLong("maxGap")).as("SessionOptions").isEqualTo(3L);
        assertThat(r.session().requestTimeout()).as("URI").isEqualTo(Duration.ofMillis(250));
        OptionResolver.Resolved s = resolve("modbus+tcp://h", options);
        assertThat(s.driver().getInt("unit")).isEqualTo(5);
        assertThat(s.session().requestTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void commonOptionsMapToSessionSettings() {
        SessionOptions base = SessionOptions.builder().hostnameVerification(false).option("unit", "2").build();
        OptionResolver.Resolved r = resolve("modbus+tcp://h?timeout=1500ms&connectTimeout=3s&reconnectDelay=50ms"
                + "&reconnectMaxDelay=5s&reconnectAttempts=4", base);
        SessionOptions s = r.session();
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        ReconnectPolicy p = s.reconnect();
        assertThat(p.enabled()).isTrue();
        assertThat(p.initialDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.maxAttempts()).isEqualTo(4);
        assertThat(p.multiplier()).as("kept").isEqualTo(ReconnectPolicy.defaults().multiplier());
        assertThat(p.jitter()).as("kept").isEqualTo(ReconnectPolicy.defaults().jitter());
        // everything else is carried over from the given options
        assertThat(s.hostnameVerification()).isFalse();
        assertThat(s.options()).containsEntry("unit", "2");
    }

    @Test
    void reconnectFalseDisablesAndKeepsTheRest() {
        SessionOptions base = SessionOptions.builder()
                .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(4)).withJitter(0))
                .build();
        ReconnectPolicy p = resolve("modbus+tcp://h?reconnect=false", base).session().reconnect();
        assertThat(p.enabled()).isFalse();
        assertThat(p.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.jitter()).isZero();
        ReconnectPolicy untouched = resolve("modbus+tcp://h?unit=1", base).session().reconnect();
        assertThat(untouched).isSameAs(base.reconnect());
    }

    @Test
    void inconsistentReconnectOptionsAreConfigurationErrors() {
        assertThatThrownBy(() -> resolve("modbus+tcp://h?reconnectDelay=1m", SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("reconnect options in modbus+tcp://h?reconnectDelay=1m: need 0 <= initialDelay"
                        + " <= maxDelay");
        assertThatThrownBy(() -> resolve("modbus+tcp://h?reconnectAttempts=-1", SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("option 'reconnectAttempts'");
    }

    @Test
    void zeroTimeoutsAreRejected() {
        assertThatThrownBy(() -> resolve("modbus+tcp://h?timeout=0s", SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'timeout' in modbus+tcp://h?timeout=0s must be more than zero");
        assertThatThrownBy(() -> resolve("modbus+tcp://h?connectTimeout=0", SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'connectTimeout'");
    }

    @Test
    void unknownOptionSuggestsTheClosestAndListsAll() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> resolve("modbus+tcp://h?timout=2s", SessionOptions.defaults()));
        assertThat(e).hasMessage("unknown option 'timout' in modbus+tcp://h?timout=2s (did you mean 'timeout'?);"
                + " known options: timeout, connectTimeout, reconnect, reconnectDelay, reconnectMaxDelay,"
                + " reconnectAttempts, unit, maxGap, wordOrder, label, swap");
        e = catchThrowableOfType(ConfigurationException.class,
                () -> resolve("modbus+tcp://h?Unit=2", SessionOptions.defaults()));
        assertThat(e.getMessage()).contains("unknown option 'Unit'").contains("(did you mean 'unit'?)");
        e = catchThrowableOfType(ConfigurationException.class,
                () -> resolve("modbus+tcp://h?wordorder=CDAB", SessionOptions.defaults()));
        assertThat(e.getMessage()).contains("(did you mean 'wordOrder'?)");
        e = catchThrowableOfType(ConfigurationException.class,
                () -> resolve("modbus+tcp://h?rack=0", SessionOptions.defaults()));
        assertThat(e.getMessage()).startsWith("unknown option 'rack' in modbus+tcp://h?rack=0; known options: ")
                .doesNotContain("did you mean");
    }

    @Test
    void badOptionsFromSessionOptionsSaySo() {
        SessionOptions options = SessionOptions.builder().option("unit", "300").build();
        assertThatThrownBy(() -> resolve("modbus+tcp://h", options)).isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'unit' in SessionOptions.option(...) for modbus+tcp://h: expected an integer"
                        + " 0..255, got '300'");
        SessionOptions unknown = SessionOptions.builder().option("slot", "1").build();
        assertThatThrownBy(() -> resolve("modbus+tcp://h", unknown)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("unknown option 'slot' in SessionOptions.option(...) for modbus+tcp://h");
        // the URI value replaces a bad SessionOptions value entirely
        assertThat(resolve("modbus+tcp://h?unit=4", options).driver().getInt("unit")).isEqualTo(4);
    }

    @Test
    void badUriValuesNameTheOptionAndTheUri() {
        assertThatThrownBy(() -> resolve("modbus+tcp://h?unit=256", SessionOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'unit' in modbus+tcp://h?unit=256: expected an integer 0..255, got '256'");
        assertThatThrownBy(() -> resolve("modbus+tcp://h?wordOrder=ACBD", SessionOptions.defaults()))
                .hasMessageContaining("expected one of ABCD, CDAB, BADC, DCBA, got 'ACBD'");
        assertThatThrownBy(() -> resolve("modbus+tcp://h?timeout=soon", SessionOptions.defaults()))
                .hasMessage("option 'timeout' in modbus+tcp://h?timeout=soon: expected a duration such as 500ms or"
                        + " 2s, got 'soon'");
    }

    @Test
    void aDriverOptionMayNotShadowACommonOne() {
        List<OptionSpec> bad = List.of(OptionSpec.duration("timeout", "1s", "mine"));
        assertThatThrownBy(() -> OptionResolver.resolve("x://h", Map.of(), SessionOptions.defaults(), bad))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shadows a common option");
    }

    @Test
    void badDriverDefaultsAreReported() {
        List<OptionSpec> bad = List.of(OptionSpec.choice("mode", List.of("a", "b"), "c", "mode"));
        assertThatThrownBy(() -> OptionResolver.resolve("x://h", Map.of(), SessionOptions.defaults(), bad))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("option 'mode' in the default of mode: expected one of a, b, got 'c'");
    }
}
