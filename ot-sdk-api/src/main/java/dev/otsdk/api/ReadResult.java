package dev.otsdk.api;

import java.util.Iterator;
import java.util.List;

/**
 * The outcome of reading several tags: one {@link TagValue} per requested tag, in request order. One
 * bad tag does not fail the others; check {@link TagValue#quality()} or {@link #allGood()}.
 */
public final class ReadResult implements Iterable<TagValue<?>> {

    private final List<TagValue<?>> values;

    private ReadResult(List<TagValue<?>> values) {
        this.values = values;
    }

    /**
     * Creates a result.
     *
     * @param values one value per requested tag, in request order
     * @return the result
     */
    public static ReadResult of(List<? extends TagValue<?>> values) {
        return new ReadResult(List.copyOf(values));
    }

    /** @return the values in request order */
    public List<TagValue<?>> values() {
        return values;
    }

    /**
     * The value at a request position.
     *
     * @param index the position of the tag in the request
     * @return its value
     */
    public TagValue<?> get(int index) {
        return values.get(index);
    }

    /**
     * The value of a tag, typed. If the tag was requested more than once, the first.
     *
     * @param tag a requested tag
     * @param <T> the value type
     * @return its value
     * @throws IllegalArgumentException if the tag was not requested
     */
    @SuppressWarnings("unchecked")
    public <T> TagValue<T> get(Tag<T> tag) {
        for (TagValue<?> v : values) {
            if (v.tag().equals(tag)) {
                return (TagValue<T>) v;
            }
        }
        throw new IllegalArgumentException(tag + " was not part of this read");
    }

    /** @return the number of values */
    public int size() {
        return values.size();
    }

    /** @return whether every value is GOOD */
    public boolean allGood() {
        for (TagValue<?> v : values) {
            if (!v.isGood()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<TagValue<?>> iterator() {
        return values.iterator();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
