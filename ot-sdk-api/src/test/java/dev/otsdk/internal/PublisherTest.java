package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SubscriptionEvent;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SubscriptionOptions EVERY_SAMPLE =
            SubscriptionOptions.every(Duration.ofMillis(10)).changesOnly(false);

    private final MemoryDriver driver = new MemoryDriver();
    private final MemoryDriver.Device device = driver.device("plc");
    private OtClient ot;
    private Session session;

    @BeforeEach
    void start() {
        ot = OtClient.builder().driver(driver).build();
        device.values.put("a", 1);
        session = ot.connect("mem://plc");
    }

    @AfterEach
    void stop() {
        ot.close();
    }

    /** A subscriber that records signals and requests only when told. */
    static final class Probe implements Flow.Subscriber<SubscriptionEvent> {
        final List<SubscriptionEvent> items = new CopyOnWriteArrayList<>();
        final List<String> signals = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AtomicBoolean completed = new AtomicBoolean();
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            signals.add("subscribe");
            subscription = s;
        }

        @Override
        public void onNext(SubscriptionEvent item) {
            signals.add("next");
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            signals.add("error");
            error.set(t);
        }

        @Override
        public void onComplete() {
            signals.add("complete");
            completed.set(true);
        }
    }

    @Test
    void deliversOnlyWhatWasRequested() {
        Probe p = new Probe();
        session.publisher(List.of(Tag.of("v:a")), EVERY_SAMPLE).subscribe(p);
        await().atMost(WAIT).until(() -> p.subscription != null);
        p.subscription.request(2);
        await().atMost(WAIT).until(() -> p.items.size() == 2);
        int reads = device.reads.size();
        await().atMost(WAIT).until(() -> device.reads.size() > reads + 5);
        assertThat(p.items).hasSize(2);
        p.subscription.request(3);
        await().atMost(WAIT).until(() -> p.items.size() == 5);
        assertThat(p.signals.get(0)).isEqualTo("subscribe");
    }

    @Test
    void aNonPositiveRequestFailsTheSubscription() {
        Probe p = new Probe();
        session.publisher(List.of(Tag.of("v:a")), EVERY_SAMPLE).subscribe(p);
        await().atMost(WAIT).until(() -> p.subscription != null);
        p.subscription.request(0);
        await().atMost(WAIT).until(() -> p.error.get() != null);
        assertThat(p.error.get()).hasMessageContaining("3.9");
    }

    @Test
    void cancelStopsDelivery() {
        Probe p = new Probe();
        session.publisher(List.of(Tag.of("v:a")), EVERY_SAMPLE).subscribe(p);
        await().atMost(WAIT).until(() -> p.subscription != null);
        p.subscription.request(Long.MAX_VALUE);
        await().atMost(WAIT).until(() -> p.items.size() >= 3);
        p.subscription.cancel();
        int seen = p.items.size();
        await().during(Duration.ofMillis(150)).atMost(WAIT).untilAsserted(() ->
                assertThat(p.items.size()).isLessThanOrEqualTo(seen + 1));
    }

    @Test
    void completesWhenTheSessionCloses() {
        Probe p = new Probe();
        session.publisher(List.of(Tag.of("v:a")), EVERY_SAMPLE).subscribe(p);
        await().atMost(WAIT).until(() -> p.subscription != null);
        p.subscription.request(1);
        await().atMost(WAIT).until(() -> p.items.size() == 1);
        session.close();
        // Events buffered before the close are still delivered on demand, then the stream completes.
        p.subscription.request(Long.MAX_VALUE);
        await().atMost(WAIT).until(p.completed::get);
        assertThat(p.error.get()).isNull();
        assertThat(p.signals.get(p.signals.size() - 1)).isEqualTo("complete");
    }

    @Test
    void aBadTagIsSignalledAfterOnSubscribe() {
        Probe p = new Probe();
        session.publisher(List.of(Tag.of("nonsense")), EVERY_SAMPLE).subscribe(p);
        await().atMost(WAIT).until(() -> p.error.get() != null);
        assertThat(p.signals).containsExactly("subscribe", "error");
        assertThat(p.error.get()).isInstanceOf(TagAddressException.class);
    }
}
