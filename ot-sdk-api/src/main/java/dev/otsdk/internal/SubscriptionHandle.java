package dev.otsdk.internal;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.NativeSubscription;
import dev.otsdk.spi.SubscriptionSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a session: polled (through the {@link PollingEngine}) or native (through the
 * driver, re-created on every new connection).
 */
final class SubscriptionHandle implements Subscription, SubscriptionSink {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHandle.class);

    private final List<Tag<?>> tags;
    final List<BoundTag> bound;
    private final SubscriptionOptions options;
    final EventDelivery delivery;
    private final Consumer<SubscriptionHandle> onClose;
    private volatile boolean active = true;

    /** Set for polled subscriptions. */
    volatile PollingEngine.Polled polled;
    /** The driver's subscription on the current connection, for native ones. */
    private NativeSubscription nativeSubscription;
    private int nativeGeneration;

    SubscriptionHandle(List<BoundTag> bound, SubscriptionOptions options, EventDelivery delivery,
            Consumer<SubscriptionHandle> onClose) {
        List<Tag<?>> t = new ArrayList<>(bound.size());
        for (BoundTag b : bound) {
            t.add(b.tag());
        }
        this.tags = List.copyOf(t);
        this.bound = List.copyOf(bound);
        this.options = options;
        this.delivery = delivery;
        this.onClose = onClose;
    }

    @Override
    public List<Tag<?>> tags() {
        return tags;
    }

    @Override
    public SubscriptionOptions options() {
        return options;
    }

    @Override
    public boolean isActive() {
        return active && !delivery.isDone();
    }

    @Override
    public long droppedEvents() {
        return delivery.dropped();
    }

    @Override
    public void close() {
        delivery.cancel();
        stopSource();
    }

    /** Stops producing events (polling or the native subscription) but lets queued ones finish. */
    void stopSource() {
        if (!active) {
            return;
        }
        active = false;
        NativeSubscription ns;
        synchronized (this) {
            ns = nativeSubscription;
            nativeSubscription = null;
            nativeGeneration++;
        }
        if (ns != null) {
            ns.close().exceptionally(e -> {
                LOG.debug("closing a native subscription failed: {}", e.toString());
                return null;
            });
        }
        onClose.accept(this);
    }

    /** The session ended: deliver what is queued, then complete or fail. */
    void sessionEnded(OtException cause) {
        active = false;
        delivery.finish(cause);
    }

    /**
     * Creates the native subscription on a (new) connection.
     *
     * @return completes when created; fails with the driver's error
     */
    CompletableFuture<Void> bindNative(DriverConnection c) {
        int gen;
        synchronized (this) {
            gen = ++nativeGeneration;
            nativeSubscription = null;
        }
        CompletableFuture<NativeSubscription> created;
        try {
            created = c.subscribe(bound, options, this);
        } catch (RuntimeException e) {
            created = CompletableFuture.failedFuture(e);
        }
        return created.thenAccept(ns -> {
            boolean keep;
            synchronized (this) {
                keep = active && gen == nativeGeneration;
                if (keep) {
                    nativeSubscription = ns;
                }
            }
            if (!keep) {
                ns.close();
            }
        });
    }

    @Override
    public void value(TagValue<?> value) {
        delivery.offer(value);
    }

    @Override
    public void gap(Gap gap) {
        delivery.offer(gap);
    }

    @Override
    public void failed(OtException error) {
        active = false;
        delivery.finish(error);
        onClose.accept(this);
    }

    boolean isNative() {
        return polled == null;
    }
}
