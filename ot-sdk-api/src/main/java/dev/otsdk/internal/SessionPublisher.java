package dev.otsdk.internal;

import dev.otsdk.api.OtException;
import dev.otsdk.api.SubscriptionEvent;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.spi.Timeouts;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * The {@link Flow.Publisher} view of a subscription: each subscriber gets its own subscription whose
 * delivery honours the subscriber's demand (Reactive Streams rules: onSubscribe first, serial signals,
 * non-positive requests fail the subscription, cancel stops delivery).
 */
final class SessionPublisher implements Flow.Publisher<SubscriptionEvent> {

    private final ManagedSession session;
    private final List<Tag<?>> tags;
    private final SubscriptionOptions options;

    SessionPublisher(ManagedSession session, List<Tag<?>> tags, SubscriptionOptions options) {
        this.session = session;
        this.tags = List.copyOf(tags);
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super SubscriptionEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        FlowSubscription fs = new FlowSubscription(subscriber);
        fs.delivery = session.newDelivery(options, fs, false);
        fs.delivery.begin();
        session.subscribeWith(tags, options, fs.delivery).whenComplete((h, e) -> {
            if (e != null) {
                Throwable c = Timeouts.unwrap(e);
                fs.delivery.failNow(c instanceof OtException o ? o : new OtException(c.toString(), c));
            } else {
                fs.attach(h);
            }
        });
    }

    /** Bridges a subscriber to an {@link EventDelivery}. */
    private static final class FlowSubscription implements Flow.Subscription, EventDelivery.Target {
        private final Flow.Subscriber<? super SubscriptionEvent> subscriber;
        volatile EventDelivery delivery;
        private SubscriptionHandle handle;
        private boolean cancelled;

        FlowSubscription(Flow.Subscriber<? super SubscriptionEvent> subscriber) {
            this.subscriber = subscriber;
        }

        void attach(SubscriptionHandle h) {
            boolean closeNow;
            synchronized (this) {
                handle = h;
                closeNow = cancelled;
            }
            if (closeNow) {
                h.close();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                delivery.failNow(new OtException("Flow rule 3.9: request(" + n + ") must be positive"));
                stopHandle();
                return;
            }
            delivery.request(n);
        }

        @Override
        public void cancel() {
            delivery.cancel();
            cancelHandle();
        }

        private void stopHandle() {
            SubscriptionHandle h;
            synchronized (this) {
                cancelled = true;
                h = handle;
            }
            if (h != null) {
                h.stopSource();
            }
        }

        private void cancelHandle() {
            SubscriptionHandle h;
            synchronized (this) {
                cancelled = true;
                h = handle;
            }
            if (h != null) {
                h.close();
            }
        }

        @Override
        public void start() {
            subscriber.onSubscribe(this);
        }

        @Override
        public void event(SubscriptionEvent event) {
            subscriber.onNext(event);
        }

        @Override
        public void error(OtException error) {
            subscriber.onError(error);
        }

        @Override
        public void complete() {
            subscriber.onComplete();
        }
    }
}
