package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.OtException;
import dev.otsdk.api.OtTimeoutException;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final EventLoop loop = new DefaultEventLoop();
    /** What was transmitted: "id:request". */
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final AtomicInteger unhealthy = new AtomicInteger();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private InFlightWindow<String, String> window(int maxInFlight, int maxQueued, int firstId, int lastId) {
        return new InFlightWindow<>(loop, (id, req) -> wire.add(id + ":" + req), req -> "request " + req,
                unhealthy::incrementAndGet, maxInFlight, maxQueued, firstId, lastId);
    }

    /** Polls every millisecond: these conditions turn true within microseconds. */
    private static ConditionFactory soon() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    private <T> T onLoop(Supplier<T> s) throws Exception {
        return loop.submit(s::get).get(5, TimeUnit.SECONDS);
    }

    private static int idOf(String wireEntry) {
        return Integer.parseInt(wireEntry.substring(0, wireEntry.indexOf(':')));
    }

    @Test
    void keepsAtMostTheWindowInFlightAndQueuesTheRestInOrder() throws Exception {
        InFlightWindow<String, String> w = window(2, 10, 0, 65535);
        List<CompletableFuture<String>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(w.submit("r" + i, LONG));
        }
        soon().until(() -> wire.size() == 2);
        assertThat(w.inFlight()).isEqualTo(2);
        assertThat(w.queued()).isEqualTo(3);
        onLoop(() -> w.complete(idOf(wire.get(0)), "a0"));
        soon().until(() -> wire.size() == 3);
        assertThat(wire.get(2)).endsWith(":r2");
        assertThat(fs.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("a0");
        for (int i = 1; i < 5; i++) {
            int k = i;
            soon().until(() -> wire.size() > k);
            onLoop(() -> w.complete(idOf(wire.get(k)), "a" + k));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(fs.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("a" + i);
        }
        assertThat(w.inFlight()).isZero();
        assertThat(w.queued()).isZero();
    }

    @Test
    void refusesWhenWindowAndQueueAreFull() {
        InFlightWindow<String, String> w = window(1, 1, 0, 65535);
        w.submit("a", LONG);
        w.submit("b", LONG);
        CompletableFuture<String> c = w.submit("c", LONG);
        assertThatThrownBy(() -> c.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OtException.class)
                .hasMessageContaining("too many requests").hasMessageContaining("request c");
    }

    @Test
    void aTimedOutIdIsNotReusedAndItsLateAnswerIsDroppedAndCounted() throws Exception {
        // Four ids (0..3), window of 2: without quarantine, id 0 would come round again quickly.
        InFlightWindow<String, String> w = window(2, 10, 0, 3);
        CompletableFuture<String> slow = w.submit("slow", Duration.ofMillis(20));
        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(OtTimeoutException.class).hasMessageContaining("request slow");
        int slowId = idOf(wire.get(0));
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CompletableFuture<String> f = w.submit("n" + i, LONG);
            int k = i + 1;
            soon().until(() -> wire.size() > k);
            int id = idOf(wire.get(k));
            later.add(id);
            onLoop(() -> w.complete(id, "ok"));
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        assertThat(later).doesNotContain(slowId);
        // The late answer arrives: it is not delivered to anyone, and the id is released.
        assertThat(onLoop(() -> w.complete(slowId, "late"))).isFalse();
        assertThat(w.lateResponses()).isEqualTo(1);
        assertThat(w.timeouts()).isEqualTo(1);
        assertThat(w.strayResponses()).isZero();
    }

    @Test
    void anAnswerForAnIdNeverSentIsStray() throws Exception {
        InFlightWindow<String, String> w = window(2, 10, 0, 65535);
        assertThat(onLoop(() -> w.complete(4242, "?"))).isFalse();
        assertThat(onLoop(() -> w.request(4242))).isNull();
        assertThat(w.strayResponses()).isEqualTo(1);
        assertThat(w.lateResponses()).isZero();
    }

    @Test
    void queuedRequestsTimeOutToo() {
        InFlightWindow<String, String> w = window(1, 10, 0, 65535);
        w.submit("blocker", LONG);
        CompletableFuture<String> queued = w.submit("queued", Duration.ofMillis(20));
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OtTimeoutException.class);
        assertThat(wire).hasSize(1);
        assertThat(w.queued()).isZero();
    }

    @Test
    void failAllFailsEverythingAndRefusesNewRequests() {
        InFlightWindow<String, String> w = window(1, 10, 0, 65535);
        CompletableFuture<String> a = w.submit("a", LONG);
        CompletableFuture<String> b = w.submit("b", LONG);
        ConnectionLostException lost = new ConnectionLostException("peer closed", null);
        loop.execute(() -> w.failAll(lost));
        assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS)).hasCause(lost);
        assertThatThrownBy(() -> b.get(5, TimeUnit.SECONDS)).hasCause(lost);
        assertThatThrownBy(() -> w.submit("c", LONG).get(5, TimeUnit.SECONDS)).hasCause(lost);
    }

    @Test
    void failingOneRequestDeliversTheError() throws Exception {
        InFlightWindow<String, String> w = window(2, 10, 1, 65535);
        CompletableFuture<String> f = w.submit("x", LONG);
        soon().until(() -> wire.size() == 1);
        int id = idOf(wire.get(0));
        assertThat(id).isEqualTo(1);
        assertThat(onLoop(() -> w.request(id))).isEqualTo("x");
        assertThat(onLoop(() -> w.fail(id, new OtException("device said no")))).isTrue();
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasMessageContaining("device said no");
    }

    @Test
    void aTransmitErrorFailsThatRequestOnly() {
        InFlightWindow<String, String> w = new InFlightWindow<>(loop, (id, req) -> {
            if (req.equals("boom")) {
                throw new IllegalStateException("encoder failed");
            }
            wire.add(id + ":" + req);
        }, req -> req, unhealthy::incrementAndGet, 2, 10, 0, 65535);
        CompletableFuture<String> bad = w.submit("boom", LONG);
        w.submit("fine", LONG);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasMessageContaining("encoder failed");
        soon().until(() -> wire.size() == 1);
        assertThat(w.inFlight()).isEqualTo(1);
    }

    @Test
    void tooManyQuarantinedIdsMarkTheConnectionUnhealthy() {
        // 8 ids: quarantine limit is 2, so the third unanswered timeout trips it.
        InFlightWindow<String, String> w = window(4, 10, 0, 7);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<String> f = w.submit("lost" + i, Duration.ofMillis(10));
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OtTimeoutException.class);
        }
        soon().until(() -> unhealthy.get() == 1);
    }

    @Test
    void rejectsAWindowLargerThanHalfTheIds() {
        assertThatThrownBy(() -> window(3, 0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortTimeoutBehindALongOneStillFiresOnTime() {
        InFlightWindow<String, String> w = window(4, 10, 0, 65535);
        CompletableFuture<String> patient = w.submit("patient", LONG);
        CompletableFuture<String> hasty = w.submit("hasty", Duration.ofMillis(30));
        assertThatThrownBy(() -> hasty.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OtTimeoutException.class)
                .hasMessageContaining("request hasty");
        assertThat(patient).isNotDone();
        assertThat(w.timeouts()).isEqualTo(1);
    }

    @Test
    void answeredRequestsLeaveNothingBehindAndLaterOnesStillTimeOut() throws Exception {
        InFlightWindow<String, String> w = window(4, 10, 0, 65535);
        for (int i = 0; i < 100; i++) {
            CompletableFuture<String> f = w.submit("r" + i, Duration.ofMillis(200));
            int k = i;
            soon().until(() -> wire.size() > k);
            int id = idOf(wire.get(k));
            onLoop(() -> w.complete(id, "ok"));
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        assertThat(w.timeouts()).isZero();
        CompletableFuture<String> last = w.submit("unanswered", Duration.ofMillis(20));
        assertThatThrownBy(() -> last.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OtTimeoutException.class);
        assertThat(w.timeouts()).isEqualTo(1);
    }
}
