package dev.otsdk.internal;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.TagValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a subscription delivers, and on which threads. */
class Recorder implements SubscriptionListener {
    final List<Object> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<OtException> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onValue(TagValue<?> value) {
        threads.add(Thread.currentThread().getName());
        events.add(value);
    }

    @Override
    public void onGap(Gap gap) {
        events.add(gap);
    }

    @Override
    public void onError(OtException error) {
        errors.add(error);
    }

    List<TagValue<?>> values() {
        List<TagValue<?>> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof TagValue<?> v) {
                out.add(v);
            }
        }
        return out;
    }

    List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Gap g) {
                out.add(g);
            }
        }
        return out;
    }

    /** @return the values delivered for an address, in order */
    List<Object> valuesOf(String address) {
        List<Object> out = new ArrayList<>();
        for (TagValue<?> v : values()) {
            if (v.tag().address().equals(address)) {
                out.add(v.valueOrNull());
            }
        }
        return out;
    }
}
