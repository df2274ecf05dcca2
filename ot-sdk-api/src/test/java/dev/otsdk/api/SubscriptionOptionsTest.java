package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubscriptionOptionsTest {

    @Test
    void defaults() {
        SubscriptionOptions o = SubscriptionOptions.every(Duration.ofMillis(100));
        assertThat(o.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.publishingInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.deadband()).isEqualTo(Deadband.none());
        assertThat(o.queueSize()).isEqualTo(1);
        assertThat(o.discardOldest()).isTrue();
        assertThat(o.changesOnly()).isTrue();
        assertThat(o.bufferSize()).isEqualTo(10_000);
        assertThat(o).hasToString("SubscriptionOptions[interval=100ms, publishingInterval=100ms, deadband="
                + "Deadband[kind=NONE, value=0.0], queueSize=1, discardOldest=true, changesOnly=true,"
                + " bufferSize=10000]");
    }

    @Test
    void eachSetterReturnsACopyAndLeavesTheOriginal() {
        SubscriptionOptions o = SubscriptionOptions.every(Duration.ofSeconds(1));
        SubscriptionOptions c = o.deadband(Deadband.absolute(0.5)).publishingInterval(Duration.ofSeconds(5))
                .queueSize(10).discardOldest(false).changesOnly(false).bufferSize(7);
        assertThat(c).isNotSameAs(o);
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.publishingInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.deadband()).isEqualTo(Deadband.absolute(0.5));
        assertThat(c.queueSize()).isEqualTo(10);
        assertThat(c.discardOldest()).isFalse();
        assertThat(c.changesOnly()).isFalse();
        assertThat(c.bufferSize()).isEqualTo(7);
        assertThat(o.deadband()).isEqualTo(Deadband.none());
        assertThat(o.publishingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.queueSize()).isEqualTo(1);
        assertThat(o.discardOldest()).isTrue();
        assertThat(o.changesOnly()).isTrue();
        assertThat(o.bufferSize()).isEqualTo(10_000);
    }

    @Test
    void validation() {
        assertThat(SubscriptionOptions.every(Duration.ofMillis(1)).interval()).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> SubscriptionOptions.every(Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1ms");
        assertThatThrownBy(() -> SubscriptionOptions.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubscriptionOptions.every(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubscriptionOptions.every(null)).isInstanceOf(NullPointerException.class);
        SubscriptionOptions o = SubscriptionOptions.every(Duration.ofSeconds(1));
        assertThatThrownBy(() -> o.publishingInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.queueSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queueSize must be at least 1, got 0");
        assertThatThrownBy(() -> o.bufferSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bufferSize must be at least 1, got 0");
        assertThatThrownBy(() -> o.deadband(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deadbands() {
        assertThat(Deadband.none().kind()).isEqualTo(Deadband.Kind.NONE);
        assertThat(Deadband.none()).isSameAs(Deadband.none());
        assertThat(Deadband.absolute(0)).isEqualTo(new Deadband(Deadband.Kind.ABSOLUTE, 0));
        assertThat(Deadband.absolute(1e9).value()).isEqualTo(1e9);
        assertThat(Deadband.percent(0).kind()).isEqualTo(Deadband.Kind.PERCENT);
        assertThat(Deadband.percent(100).value()).isEqualTo(100);
        for (double bad : new double[] {-0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Deadband.absolute(bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deadband must be a finite number >= 0");
            assertThatThrownBy(() -> Deadband.percent(bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Deadband.percent(100.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percent deadband must be 0..100, got 100.01");
        assertThat(Deadband.absolute(500).value()).isEqualTo(500);
        assertThatThrownBy(() -> new Deadband(null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
    }
}
