package dev.otsdk.cli;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints a subscription's events as JSON lines as they arrive, and remembers what the exit code needs. */
final class WatchPrinter implements SubscriptionListener {

    private final PrintWriter out;
    private final Map<Tag<?>, String> texts = new HashMap<>();
    private final StopSignal stop;
    private volatile boolean sawNotGood;
    private volatile OtException failure;

    /**
     * @param out where the lines go
     * @param tags the subscribed tags
     * @param tagTexts the tags as typed, same order, for the "tag" field
     * @param stop stopped when the subscription fails
     */
    WatchPrinter(PrintWriter out, List<Tag<?>> tags, List<String> tagTexts, StopSignal stop) {
        this.out = out;
        this.stop = stop;
        for (int i = 0; i < tags.size(); i++) {
            texts.putIfAbsent(tags.get(i), tagTexts.get(i));
        }
    }

    @Override
    public void onValue(TagValue<?> value) {
        if (!value.isGood()) {
            sawNotGood = true;
        }
        String text = texts.getOrDefault(value.tag(), value.tag().spec());
        println(JsonLines.tagValue(text, value));
    }

    @Override
    public void onGap(Gap gap) {
        println(JsonLines.gap(gap));
    }

    @Override
    public void onError(OtException error) {
        failure = error;
        stop.stop();
    }

    /** Lines are flushed one by one so that a pipe sees each change when it happens. */
    private void println(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    boolean sawNotGood() {
        return sawNotGood;
    }

    /** @throws OtException the error that ended the subscription, if any */
    void rethrowFailure() {
        OtException f = failure;
        if (f != null) {
            throw f;
        }
    }
}
