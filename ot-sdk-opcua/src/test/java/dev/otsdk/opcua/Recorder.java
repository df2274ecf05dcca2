package dev.otsdk.opcua;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.TagValue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a subscription delivers, and on which threads. */
class Recorder implements SubscriptionListener {

    final List<TagValue<?>> values = new CopyOnWriteArrayList<>();
    final List<Gap> gaps = new CopyOnWriteArrayList<>();
    final List<OtException> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onValue(TagValue<?> value) {
        threads.add(Thread.currentThread().getName());
        values.add(value);
    }

    @Override
    public void onGap(Gap gap) {
        gaps.add(gap);
    }

    @Override
    public void onError(OtException error) {
        errors.add(error);
    }

    List<Object> valuesOf(String address) {
        return values.stream().filter(v -> v.tag().address().equals(address)).map(v -> (Object) v.valueOrNull())
                .toList();
    }
}
