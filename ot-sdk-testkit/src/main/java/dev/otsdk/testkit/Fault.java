package dev.otsdk.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What an emulator does wrong on purpose: the effects of fault injection, shared by every protocol
 * emulator. A {@link FaultPlan} decides when a fault applies; the emulator applies it to a
 * Netty channel. Each {@link FaultPoint} documents which faults make sense there.
 *
 * <p>The effects are protocol-neutral. A protocol's own error answers (a Modbus exception response, an
 * S7 error class, an OPC UA bad status) are {@link ProtocolFault}s, which the protocol's emulator
 * defines and turns into a reply itself.
 *
 * <p>Faults compose with {@link #then(Fault)}: {@code Fault.corruptByte(7).then(Fault.delay(d))
 * .then(Fault.splitWrites(3))} corrupts the reply, waits, then writes it in pieces. Only the last step
 * of such a sequence may end the exchange (stall, drop, reset, drop mid-frame, split writes).
 */
public sealed interface Fault
        permits Fault.None, Fault.Delay, Fault.Stall, Fault.Drop, Fault.Reset, Fault.DropMidFrame,
                Fault.SplitWrites, Fault.RewriteReply, Fault.Sequence, ProtocolFault {

    /**
     * Returns a fault that changes nothing. A rule with it still consumes a match, which is handy to
     * let the first requests through: {@code times(2, ON_REQUEST, none())} then {@code once(..., drop())}.
     *
     * @return the no-op fault
     */
    static None none() {
        return new None();
    }

    /**
     * Waits before going on: before reading from a new connection, before processing a request, or
     * before writing a reply, depending on the {@link FaultPoint}. The wait runs on the channel's event
     * loop; no thread sleeps.
     *
     * @param duration how long to wait, not negative
     * @return the fault
     */
    static Delay delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Never answers and keeps the connection open, as a hung device does.
     *
     * @return the fault
     */
    static Stall stall() {
        return new Stall();
    }

    /**
     * Closes the connection (FIN) without answering.
     *
     * @return the fault
     */
    static Drop drop() {
        return new Drop();
    }

    /**
     * Aborts the connection with a TCP RST (SO_LINGER 0, then close), as a rebooting device or a
     * firewall does. The client sees "connection reset".
     *
     * @return the fault
     */
    static Reset reset() {
        return new Reset();
    }

    /**
     * Sends the first bytes of the reply, then closes the connection.
     *
     * @param bytesToSend how many bytes of the reply to send, not negative; capped at the reply's length
     * @return the fault
     */
    static DropMidFrame dropMidFrame(int bytesToSend) {
        return new DropMidFrame(bytesToSend);
    }

    /**
     * Writes the reply in pieces, flushing after each, so the client gets a frame split across reads.
     *
     * @param chunkSizes the sizes of the first pieces; whatever is left of the reply is sent last
     * @return the fault
     */
    static SplitWrites splitWrites(int... chunkSizes) {
        return splitWrites(Duration.ZERO, chunkSizes);
    }

    /**
     * Writes the reply in pieces with a pause between them.
     *
     * @param pause the wait between two pieces, not negative
     * @param chunkSizes the sizes of the first pieces; whatever is left of the reply is sent last
     * @return the fault
     */
    static SplitWrites splitWrites(Duration pause, int... chunkSizes) {
        Objects.requireNonNull(chunkSizes, "chunkSizes");
        return new SplitWrites(Arrays.stream(chunkSizes).boxed().toList(), pause);
    }

    /**
     * Sends given bytes instead of the reply.
     *
     * @param reply the bytes to send; copied
     * @return the fault
     */
    static RewriteReply replaceReply(byte[] reply) {
        byte[] copy = reply.clone();
        return new RewriteReply("replaceReply(" + copy.length + " bytes)", original -> copy.clone());
    }

    /**
     * Sends bytes computed from the encoded reply instead of it.
     *
     * @param rewrite gets a private copy of the reply's bytes (it may change and return it) and returns
     *        the bytes to send
     * @return the fault
     */
    static RewriteReply malformed(UnaryOperator<byte[]> rewrite) {
        return malformed("malformed", rewrite);
    }

    /**
     * Sends bytes computed from the encoded reply instead of it, with a description for messages.
     *
     * @param description what the rewrite does, shown by {@code toString()}
     * @param rewrite gets a private copy of the reply's bytes (it may change and return it) and returns
     *        the bytes to send
     * @return the fault
     */
    static RewriteReply malformed(String description, UnaryOperator<byte[]> rewrite) {
        return new RewriteReply(description, rewrite);
    }

    /**
     * Flips every bit of one byte of the reply.
     *
     * @param index the byte's index in the encoded reply; the reply must be longer than that
     * @return the fault
     */
    static RewriteReply corruptByte(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return new RewriteReply("corruptByte(" + index + ")", bytes -> {
            if (index >= bytes.length) {
                throw new IllegalArgumentException(
                        "corruptByte(" + index + ") but the reply has only " + bytes.length + " bytes");
            }
            bytes[index] = (byte) ~bytes[index];
            return bytes;
        });
    }

    /**
     * Cuts the reply to at most a given length; the connection stays open.
     *
     * @param length the number of bytes to keep, not negative
     * @return the fault
     */
    static RewriteReply truncate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        return new RewriteReply("truncate(" + length + ")",
                bytes -> bytes.length <= length ? bytes : Arrays.copyOf(bytes, length));
    }

    /**
     * Returns a fault that applies this one, then {@code next}.
     *
     * @param next the fault applied after this one
     * @return the sequence of both
     * @throws IllegalArgumentException if this fault ends the exchange, or either is a {@link ProtocolFault}
     */
    default Sequence then(Fault next) {
        return new Sequence(List.of(this, next));
    }

    /**
     * Returns the faults this one applies, in order: itself, or a {@link Sequence}'s steps.
     *
     * @return one or more faults, none of them a {@link Sequence}
     */
    default List<Fault> steps() {
        return List.of(this);
    }

    /** Changes nothing; see {@link Fault#none()}. */
    record None() implements Fault {
    }

    /**
     * Waits before going on; see {@link Fault#delay(Duration)}.
     *
     * @param duration how long to wait, not negative
     */
    record Delay(Duration duration) implements Fault {
        /**
         * Checks the duration.
         *
         * @param duration how long to wait, not negative
         */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + duration);
            }
        }
    }

    /** Never answers, keeps the connection open; see {@link Fault#stall()}. */
    record Stall() implements Fault {
    }

    /** Closes the connection without answering; see {@link Fault#drop()}. */
    record Drop() implements Fault {
    }

    /** Aborts the connection with a TCP RST; see {@link Fault#reset()}. */
    record Reset() implements Fault {
    }

    /**
     * Sends part of the reply, then closes; see {@link Fault#dropMidFrame(int)}.
     *
     * @param bytesToSend how many bytes of the reply to send, not negative
     */
    record DropMidFrame(int bytesToSend) implements Fault {
        /**
         * Checks the byte count.
         *
         * @param bytesToSend how many bytes of the reply to send, not negative
         */
        public DropMidFrame {
            if (bytesToSend < 0) {
                throw new IllegalArgumentException("bytesToSend must not be negative: " + bytesToSend);
            }
        }
    }

    /**
     * Writes the reply in pieces; see {@link Fault#splitWrites(Duration, int...)}.
     *
     * @param chunkSizes the sizes of the first pieces, each positive; the rest of the reply is sent last
     * @param pause the wait between two pieces, not negative
     */
    record SplitWrites(List<Integer> chunkSizes, Duration pause) implements Fault {
        /**
         * Checks and copies the components.
         *
         * @param chunkSizes the sizes of the first pieces, each positive
         * @param pause the wait between two pieces, not negative
         */
        public SplitWrites {
            chunkSizes = List.copyOf(chunkSizes);
            Objects.requireNonNull(pause, "pause");
            if (chunkSizes.isEmpty() || chunkSizes.stream().anyMatch(size -> size <= 0)) {
                throw new IllegalArgumentException("chunk sizes must be positive, and at least one: " + chunkSizes);
            }
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative: " + pause);
            }
        }
    }

    /**
     * Replaces the reply's bytes; see {@link Fault#malformed(String, UnaryOperator)} and the helpers
     * next to it.
     *
     * @param description what the rewrite does, shown by {@link #toString()}
     * @param rewrite gets a private copy of the reply's bytes and returns the bytes to send
     */
    record RewriteReply(String description, UnaryOperator<byte[]> rewrite) implements Fault {
        /**
         * Checks the components.
         *
         * @param description what the rewrite does
         * @param rewrite the rewrite function
         */
        public RewriteReply {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(rewrite, "rewrite");
        }

        /**
         * Applies the rewrite.
         *
         * @param reply the encoded reply; this call owns it and may change it
         * @return the bytes to send instead
         * @throws IllegalStateException if the rewrite returns {@code null}
         */
        public byte[] apply(byte[] reply) {
            byte[] result = rewrite.apply(reply);
            if (result == null) {
                throw new IllegalStateException(description + " returned null");
            }
            return result;
        }

        @Override
        public String toString() {
            return "RewriteReply[" + description + "]";
        }
    }

    /**
     * Several faults applied one after the other; see {@link Fault#then(Fault)}. Nested sequences are
     * flattened.
     *
     * @param steps the faults in order; only the last may end the exchange, none is a {@link ProtocolFault}
     */
    record Sequence(List<Fault> steps) implements Fault {
        /**
         * Flattens and checks the steps.
         *
         * @param steps the faults in order
         */
        public Sequence {
            List<Fault> flat = new ArrayList<>();
            for (Fault step : steps) {
                if (step instanceof Sequence nested) {
                    flat.addAll(nested.steps());
                } else {
                    flat.add(Objects.requireNonNull(step, "step"));
                }
            }
            for (int i = 0; i < flat.size(); i++) {
                Fault step = flat.get(i);
                if (step instanceof ProtocolFault) {
                    throw new IllegalArgumentException(
                            "A ProtocolFault is answered by its emulator and cannot be part of a sequence: " + step);
                }
                if (i < flat.size() - 1 && endsExchange(step)) {
                    throw new IllegalArgumentException(
                            step + " ends the exchange, so nothing can follow it: " + flat);
                }
            }
            steps = List.copyOf(flat);
        }

        private static boolean endsExchange(Fault step) {
            return step instanceof Stall || step instanceof Drop || step instanceof Reset
                    || step instanceof DropMidFrame || step instanceof SplitWrites;
        }
    }
}
