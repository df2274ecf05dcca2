package dev.otsdk.api;

import java.util.Iterator;
import java.util.List;

/**
 * The outcome of writing several tags: one {@link WriteOutcome} per write, in request order. Every
 * write is either acknowledged or reported failed here; transport failures fail the whole operation
 * with a {@link ConnectionLostException} or {@link OtTimeoutException} instead, because their outcome
 * is unknown.
 */
public final class WriteResult implements Iterable<WriteOutcome> {

    private final List<WriteOutcome> outcomes;

    private WriteResult(List<WriteOutcome> outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Creates a result.
     *
     * @param outcomes one per write, in request order
     * @return the result
     */
    public static WriteResult of(List<WriteOutcome> outcomes) {
        return new WriteResult(List.copyOf(outcomes));
    }

    /** @return the outcomes in request order */
    public List<WriteOutcome> outcomes() {
        return outcomes;
    }

    /**
     * The outcome at a request position.
     *
     * @param index position of the write in the request
     * @return its outcome
     */
    public WriteOutcome get(int index) {
        return outcomes.get(index);
    }

    /** @return the number of outcomes */
    public int size() {
        return outcomes.size();
    }

    /** @return whether every write was acknowledged */
    public boolean allOk() {
        for (WriteOutcome o : outcomes) {
            if (!o.isOk()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws for the first refused write.
     *
     * @return this result, for chaining
     * @throws DeviceException for the first write the device refused
     */
    public WriteResult orThrow() {
        for (WriteOutcome o : outcomes) {
            if (!o.isOk()) {
                throw new DeviceException("write " + o.tag(), o.status());
            }
        }
        return this;
    }

    @Override
    public Iterator<WriteOutcome> iterator() {
        return outcomes.iterator();
    }

    @Override
    public String toString() {
        return outcomes.toString();
    }
}
