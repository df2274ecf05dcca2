package dev.otsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.Status;
import dev.otsdk.api.SubscriptionEvent;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Runs deliveries on a manual executor so ordering and demand are exact. */
class EventDeliveryTest {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor manual = tasks::add;
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<Object> seen = new ArrayList<>();

    private final EventDelivery.Target target = new EventDelivery.Target() {
        @Override
        public void start() {
            seen.add("start");
        }

        @Override
        public void event(SubscriptionEvent event) {
            seen.add(event instanceof TagValue<?> v ? v.valueOrNull() : ((Gap) event).reason());
        }

        @Override
        public void error(OtException error) {
            seen.add("error:" + error.getMessage());
        }

        @Override
        public void complete() {
            seen.add("complete");
        }
    };

    private void runAll() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private static TagValue<Integer> value(int v) {
        return TagValue.good(Tag.of("x", dev.otsdk.api.DataType.INT32), v, Instant.EPOCH);
    }

    @Test
    void deliversInOrderAfterStart() {
        EventDelivery d = new EventDelivery(manual, clock, 10, target, true);
        d.offer(value(1));
        d.begin();
        d.offer(value(2));
        runAll();
        assertThat(seen).containsExactly("start", 1, 2);
    }

    @Test
    void overflowDropsTheOldestAndReportsAGapFirst() {
        EventDelivery d = new EventDelivery(manual, clock, 2, target, true);
        d.begin();
        runAll();
        for (int i = 1; i <= 5; i++) {
            d.offer(value(i));
        }
        runAll();
        assertThat(seen).containsExactly("start", Gap.Reason.BUFFER_OVERFLOW, 4, 5);
        assertThat(d.dropped()).isEqualTo(3);
    }

    @Test
    void honoursDemand() {
        EventDelivery d = new EventDelivery(manual, clock, 10, target, false);
        d.begin();
        for (int i = 1; i <= 4; i++) {
            d.offer(value(i));
        }
        runAll();
        assertThat(seen).containsExactly("start");
        d.request(3);
        runAll();
        assertThat(seen).containsExactly("start", 1, 2, 3);
        d.request(1);
        runAll();
        assertThat(seen).containsExactly("start", 1, 2, 3, 4);
    }

    @Test
    void finishDeliversWhatIsQueuedThenTheTerminalSignal() {
        EventDelivery d = new EventDelivery(manual, clock, 10, target, true);
        d.begin();
        d.offer(value(1));
        d.finish(new OtException("ended"));
        d.offer(value(2));
        runAll();
        assertThat(seen).containsExactly("start", 1, "error:ended");
        assertThat(d.isDone()).isTrue();
    }

    @Test
    void failNowSkipsQueuedEvents() {
        EventDelivery d = new EventDelivery(manual, clock, 10, target, false);
        d.begin();
        d.offer(value(1));
        d.failNow(new OtException("bad request"));
        runAll();
        assertThat(seen).containsExactly("start", "error:bad request");
    }

    @Test
    void cancelStopsEverything() {
        EventDelivery d = new EventDelivery(manual, clock, 10, target, true);
        d.begin();
        runAll();
        d.offer(value(1));
        d.cancel();
        d.offer(value(2));
        d.finish(null);
        runAll();
        assertThat(seen).containsExactly("start");
    }

    @Test
    void aThrowingConsumerDoesNotStopDelivery() {
        List<Object> got = new ArrayList<>();
        EventDelivery d = new EventDelivery(manual, clock, 10, new EventDelivery.Target() {
            @Override
            public void start() {
            }

            @Override
            public void event(SubscriptionEvent event) {
                got.add(event);
                throw new IllegalStateException("consumer bug");
            }

            @Override
            public void error(OtException error) {
            }

            @Override
            public void complete() {
            }
        }, true);
        d.begin();
        d.offer(value(1));
        d.offer(value(2));
        runAll();
        assertThat(got).hasSize(2);
    }

    @Test
    void statusChangesAreEvents() {
        TagValue<Integer> bad = TagValue.bad(Tag.of("x", dev.otsdk.api.DataType.INT32),
                new Status(2, "ILLEGAL", ""), Instant.EPOCH);
        EventDelivery d = new EventDelivery(manual, clock, 10, target, true);
        d.begin();
        d.offer(bad);
        runAll();
        assertThat(seen).containsExactly("start", (Object) null);
    }
}
