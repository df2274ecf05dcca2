package dev.otsdk.testkit;

import dev.otsdk.spi.WordOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * A process value the {@link ModbusEmulator} moves by itself, computed from the emulator's clock so a
 * test with a fixed clock gets the same values every run. Holding registers of the given unit are
 * written; {@link ModbusEmulator#runSimulations()} applies all simulations at the clock's current
 * time, and a running emulator does so every {@linkplain ModbusEmulator.Builder#simulationInterval(Duration) tick}.
 */
public sealed interface ModbusSimulation {

    /**
     * Applies the value for a point in time.
     *
     * @param unit the unit to write
     * @param elapsed time since the simulation was added
     */
    void apply(ModbusUnit unit, Duration elapsed);

    /** @return the unit id written */
    int unit();

    /**
     * A uint16 counter that goes up by one every period and wraps at 65536.
     *
     * @param unit the unit id
     * @param address the holding register
     * @param period how often it counts
     * @return the simulation
     */
    static Counter counter(int unit, int address, Duration period) {
        return new Counter(unit, address, period);
    }

    /**
     * A float32 that rises linearly from {@code min} to {@code max} over each period, then starts over.
     *
     * @param unit the unit id
     * @param address the first of two holding registers
     * @param min the value at the start of a period
     * @param max the value the period approaches
     * @param period the ramp's length
     * @param order the word order
     * @return the simulation
     */
    static Ramp ramp(int unit, int address, float min, float max, Duration period, WordOrder order) {
        return new Ramp(unit, address, min, max, period, order);
    }

    /**
     * A float32 sine wave: {@code offset + amplitude * sin(2π t / period)}.
     *
     * @param unit the unit id
     * @param address the first of two holding registers
     * @param offset the mean value
     * @param amplitude the amplitude
     * @param period one cycle
     * @param order the word order
     * @return the simulation
     */
    static Sine sine(int unit, int address, float offset, float amplitude, Duration period, WordOrder order) {
        return new Sine(unit, address, offset, amplitude, period, order);
    }

    /**
     * A uint16 drawn uniformly from {@code [min, max]} at each application, from a seeded generator.
     *
     * @param unit the unit id
     * @param address the holding register
     * @param min the smallest value
     * @param max the largest value
     * @param seed the generator's seed, for repeatable runs
     * @return the simulation
     */
    static RandomValue random(int unit, int address, int min, int max, long seed) {
        return new RandomValue(unit, address, min, max, seed, new Random(seed));
    }

    private static long periods(Duration elapsed, Duration period) {
        return elapsed.toNanos() / period.toNanos();
    }

    private static double phase(Duration elapsed, Duration period) {
        return (double) (elapsed.toNanos() % period.toNanos()) / period.toNanos();
    }

    private static Duration positive(Duration d) {
        Objects.requireNonNull(d, "period");
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("period must be positive, got " + d);
        }
        return d;
    }

    /**
     * See {@link ModbusSimulation#counter(int, int, Duration)}.
     *
     * @param unit the unit id
     * @param address the holding register
     * @param period how often it counts
     */
    record Counter(int unit, int address, Duration period) implements ModbusSimulation {
        /**
         * Checks the period.
         *
         * @param unit the unit id
         * @param address the register
         * @param period the period
         */
        public Counter {
            positive(period);
        }

        @Override
        public void apply(ModbusUnit u, Duration elapsed) {
            u.holding(address).setUInt16((int) (periods(elapsed, period) & 0xFFFF));
        }
    }

    /**
     * See {@link ModbusSimulation#ramp(int, int, float, float, Duration, WordOrder)}.
     *
     * @param unit the unit id
     * @param address the first register
     * @param min the start value
     * @param max the end value
     * @param period the ramp's length
     * @param order the word order
     */
    record Ramp(int unit, int address, float min, float max, Duration period, WordOrder order)
            implements ModbusSimulation {
        /**
         * Checks the period.
         *
         * @param unit the unit id
         * @param address the register
         * @param min the start value
         * @param max the end value
         * @param period the period
         * @param order the word order
         */
        public Ramp {
            positive(period);
            Objects.requireNonNull(order, "order");
        }

        @Override
        public void apply(ModbusUnit u, Duration elapsed) {
            u.holding(address).setFloat32((float) (min + (max - min) * phase(elapsed, period)), order);
        }
    }

    /**
     * See {@link ModbusSimulation#sine(int, int, float, float, Duration, WordOrder)}.
     *
     * @param unit the unit id
     * @param address the first register
     * @param offset the mean
     * @param amplitude the amplitude
     * @param period one cycle
     * @param order the word order
     */
    record Sine(int unit, int address, float offset, float amplitude, Duration period, WordOrder order)
            implements ModbusSimulation {
        /**
         * Checks the period.
         *
         * @param unit the unit id
         * @param address the register
         * @param offset the mean
         * @param amplitude the amplitude
         * @param period the period
         * @param order the word order
         */
        public Sine {
            positive(period);
            Objects.requireNonNull(order, "order");
        }

        @Override
        public void apply(ModbusUnit u, Duration elapsed) {
            double v = offset + amplitude * Math.sin(2 * Math.PI * phase(elapsed, period));
            u.holding(address).setFloat32((float) v, order);
        }
    }

    /**
     * See {@link ModbusSimulation#random(int, int, int, int, long)}.
     *
     * @param unit the unit id
     * @param address the register
     * @param min the smallest value
     * @param max the largest value
     * @param seed the seed
     * @param generator the generator, seeded with {@code seed}
     */
    record RandomValue(int unit, int address, int min, int max, long seed, Random generator)
            implements ModbusSimulation {
        /**
         * Checks the range.
         *
         * @param unit the unit id
         * @param address the register
         * @param min the smallest value
         * @param max the largest value
         * @param seed the seed
         * @param generator the generator
         */
        public RandomValue {
            if (min < 0 || max > 0xFFFF || min > max) {
                throw new IllegalArgumentException("need 0 <= min <= max <= 65535, got " + min + ".." + max);
            }
        }

        @Override
        public void apply(ModbusUnit u, Duration elapsed) {
            int v;
            synchronized (generator) {
                v = min + generator.nextInt(max - min + 1);
            }
            u.holding(address).setUInt16(v);
        }
    }
}
