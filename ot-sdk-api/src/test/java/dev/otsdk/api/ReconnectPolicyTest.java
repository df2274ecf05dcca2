package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void defaults() {
        ReconnectPolicy p = ReconnectPolicy.defaults();
        assertThat(p.enabled()).isTrue();
        assertThat(p.initialDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.jitter()).isEqualTo(0.2);
        assertThat(p.maxAttempts()).isZero();
        assertThat(ReconnectPolicy.disabled().enabled()).isFalse();
        assertThat(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8)))
                .isEqualTo(new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.2, 0));
    }

    @Test
    void withersCopy() {
        ReconnectPolicy p = ReconnectPolicy.defaults();
        assertThat(p.withMaxAttempts(3).maxAttempts()).isEqualTo(3);
        assertThat(p.withJitter(0).jitter()).isZero();
        assertThat(p.withMultiplier(1.5).multiplier()).isEqualTo(1.5);
        assertThat(p.maxAttempts()).isZero();
        assertThat(p.jitter()).isEqualTo(0.2);
    }

    @Test
    void validation() {
        Duration s1 = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new ReconnectPolicy(true, null, s1, 2, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(true, s1, null, 2, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(true, Duration.ofMillis(-1), s1, 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= initialDelay <= maxDelay");
        assertThatThrownBy(() -> new ReconnectPolicy(true, Duration.ofSeconds(2), s1, 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= initialDelay <= maxDelay");
        for (double m : new double[] {0.99, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ReconnectPolicy(true, s1, s1, m, 0, 0)).as("multiplier %s", m)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier must be >= 1");
        }
        for (double j : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new ReconnectPolicy(true, s1, s1, 2, j, 0)).as("jitter %s", j)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter must be 0..1");
        }
        assertThatThrownBy(() -> ReconnectPolicy.defaults().withMaxAttempts(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts must be >= 0");
        // the boundaries themselves are fine
        new ReconnectPolicy(true, Duration.ZERO, Duration.ZERO, 1, 0, 0);
        new ReconnectPolicy(false, s1, s1, 1, 1, Integer.MAX_VALUE);
    }

    @Test
    void exponentialGrowthWithoutJitter() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)).withJitter(0);
        assertThat(p.delayBefore(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delayBefore(2, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delayBefore(3, 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delayBefore(4, 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.delayBefore(7, 0.5)).isEqualTo(Duration.ofMillis(6400));
        // jitter 0 ignores the random number entirely
        assertThat(p.delayBefore(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delayBefore(3, ALMOST_ONE)).isEqualTo(Duration.ofMillis(400));
        // attempts below 1 count as the first
        assertThat(p.delayBefore(0, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.withMultiplier(1.5).delayBefore(3, 0.5)).isEqualTo(Duration.ofMillis(225));
    }

    @Test
    void capsAtMaxDelayEvenForHugeAttemptNumbers() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)).withJitter(0);
        assertThat(p.delayBefore(8, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayBefore(100, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayBefore(5000, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayBefore(Integer.MAX_VALUE, 0.5)).isEqualTo(Duration.ofSeconds(10));
        ReconnectPolicy zero = new ReconnectPolicy(true, Duration.ZERO, Duration.ofSeconds(1), 2, 0.5, 0);
        assertThat(zero.delayBefore(Integer.MAX_VALUE, 0.9)).isEqualTo(Duration.ZERO);
    }

    @Test
    void hugeDelaysSaturateInsteadOfOverflowing() {
        ReconnectPolicy forever = new ReconnectPolicy(true, Duration.ofSeconds(1),
                java.time.temporal.ChronoUnit.FOREVER.getDuration(), 2, 0.2, 0);
        assertThat(forever.delayBefore(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(forever.delayBefore(Integer.MAX_VALUE, ALMOST_ONE)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        ReconnectPolicy longInitial = new ReconnectPolicy(true, Duration.ofDays(200_000), Duration.ofDays(300_000),
                2, 0, 0);
        assertThat(longInitial.delayBefore(1, 0.5)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Test
    void jitterBounds() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(8)).withJitter(0.2);
        assertThat(p.delayBefore(1, 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.delayBefore(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        Duration high = p.delayBefore(1, ALMOST_ONE);
        assertThat(high).isLessThanOrEqualTo(Duration.ofMillis(1200)).isGreaterThan(Duration.ofMillis(1199));
        // at the cap, jitter still applies around maxDelay
        assertThat(p.delayBefore(10, 0)).isEqualTo(Duration.ofMillis(6400));
        assertThat(p.delayBefore(10, ALMOST_ONE)).isLessThanOrEqualTo(Duration.ofMillis(9600))
                .isGreaterThan(Duration.ofMillis(9599));
        ReconnectPolicy full = p.withJitter(1.0);
        assertThat(full.delayBefore(1, 0)).isEqualTo(Duration.ZERO);
        assertThat(full.delayBefore(1, ALMOST_ONE)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void randomDelaysStayWithinDocumentedBounds() {
        long seed = System.nanoTime();
        System.out.println("ReconnectPolicyTest seed = " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            Duration initial = Duration.ofMillis(1 + random.nextInt(1000));
            Duration max = initial.plusMillis(random.nextInt(60_000));
            double jitter = random.nextDouble();
            double multiplier = 1 + random.nextDouble() * 3;
            ReconnectPolicy p = new ReconnectPolicy(true, initial, max, multiplier, jitter, 0);
            int attempt = 1 + random.nextInt(40);
            double r = random.nextDouble();
            Duration d = p.delayBefore(attempt, r);
            double base = Math.min(initial.toNanos() * Math.pow(multiplier, attempt - 1), max.toNanos());
            assertThat(d.toNanos()).as("seed %d, i %d", seed, i)
                    .isBetween((long) Math.floor(base * (1 - jitter)) - 1, (long) Math.ceil(base * (1 + jitter)) + 1)
                    .isLessThanOrEqualTo((long) Math.ceil(max.toNanos() * (1 + jitter)));
        }
    }
}
