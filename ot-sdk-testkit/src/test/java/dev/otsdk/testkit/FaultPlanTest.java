package dev.otsdk.testkit;

import static dev.otsdk.testkit.FaultPoint.BEFORE_REPLY;
import static dev.otsdk.testkit.FaultPoint.ON_CONNECT;
import static dev.otsdk.testkit.FaultPoint.ON_REPLY_WRITE;
import static dev.otsdk.testkit.FaultPoint.ON_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private final FaultPlan<String> plan = new FaultPlan<>();

    @Test
    void anEmptyPlanInjectsNothing() {
        assertThat(plan.next(ON_REQUEST, "read")).isEmpty();
        assertThat(plan.nextOnConnect()).isEmpty();
    }

    @Test
    void onceFiresOnceAndIsRemoved() {
        FaultRule<String> rule = plan.once(ON_REPLY_WRITE, Fault.drop());

        assertThat(plan.next(ON_REPLY_WRITE, "read")).contains(Fault.drop());
        assertThat(plan.next(ON_REPLY_WRITE, "read")).isEmpty();
        assertThat(rule.isExhausted()).isTrue();
        assertThat(rule.timesApplied()).isEqualTo(1);
        assertThat(plan.rules()).isEmpty();
    }

    @Test
    void timesCountsDown() {
        FaultRule<String> rule = plan.times(2, ON_REPLY_WRITE, Fault.stall());

        assertThat(rule.remaining()).isEqualTo(2);
        assertThat(plan.next(ON_REPLY_WRITE, "a")).contains(Fault.stall());
        assertThat(rule.remaining()).isEqualTo(1);
        assertThat(plan.next(ON_REPLY_WRITE, "b")).contains(Fault.stall());
        assertThat(plan.next(ON_REPLY_WRITE, "c")).isEmpty();
        assertThat(rule.remaining()).isZero();
    }

    @Test
    void alwaysNeverRunsOutUntilRemoved() {
        FaultRule<String> rule = plan.always(ON_REPLY_WRITE, Fault.reset());

        for (int i = 0; i < 5; i++) {
            assertThat(plan.next(ON_REPLY_WRITE, "read")).contains(Fault.reset());
        }
        assertThat(rule.remaining()).isEqualTo(FaultRule.UNLIMITED);
        assertThat(rule.timesApplied()).isEqualTo(5);
        assertThat(plan.remove(rule)).isTrue();
        assertThat(plan.next(ON_REPLY_WRITE, "read")).isEmpty();
    }

    @Test
    void predicatesChooseTheRequests() {
        plan.once(ON_REQUEST, request -> request.startsWith("write"), Fault.drop());

        assertThat(plan.next(ON_REQUEST, "read 1")).isEmpty();
        assertThat(plan.next(ON_REQUEST, "write 1")).contains(Fault.drop());
        assertThat(plan.next(ON_REQUEST, "write 2")).isEmpty();
    }

    @Test
    void rulesOnlyFireAtTheirPoint() {
        Fault truncate = Fault.truncate(1);
        plan.once(BEFORE_REPLY, truncate);

        assertThat(plan.next(ON_REQUEST, "read")).isEmpty();
        assertThat(plan.next(ON_REPLY_WRITE, "read")).isEmpty();
        assertThat(plan.next(BEFORE_REPLY, "read")).containsSame(truncate);
    }

    @Test
    void theFirstMatchingRuleInOrderFires() {
        plan.once(ON_REPLY_WRITE, request -> request.equals("b"), Fault.drop());
        plan.always(ON_REPLY_WRITE, Fault.stall());
        plan.once(ON_REPLY_WRITE, Fault.reset()); // shadowed by the always rule

        List<Fault> fired = new ArrayList<>();
        for (String request : List.of("a", "b", "b")) {
            fired.add(plan.next(ON_REPLY_WRITE, request).orElseThrow());
        }

        assertThat(fired).containsExactly(Fault.stall(), Fault.drop(), Fault.stall());
    }

    @Test
    void noneLetsRequestsThroughWhileCounting() {
        plan.times(2, ON_REQUEST, Fault.none());
        plan.once(ON_REQUEST, Fault.drop());

        assertThat(List.of(plan.next(ON_REQUEST, "1"), plan.next(ON_REQUEST, "2"), plan.next(ON_REQUEST, "3")))
                .extracting(fault -> fault.orElseThrow())
                .containsExactly(Fault.none(), Fault.none(), Fault.drop());
    }

    @Test
    void clearRemovesEveryRule() {
        plan.always(ON_REPLY_WRITE, Fault.drop());
        plan.once(ON_CONNECT, Fault.reset());

        plan.clear();

        assertThat(plan.rules()).isEmpty();
        assertThat(plan.nextOnConnect()).isEmpty();
    }

    @Test
    void connectRulesHaveNoPredicateAndFireOnConnect() {
        plan.once(ON_CONNECT, Fault.stall());

        assertThatThrownBy(() -> plan.once(ON_CONNECT, request -> true, Fault.drop()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no request");
        assertThatThrownBy(() -> plan.next(ON_CONNECT, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.nextOnConnect()).contains(Fault.stall());
    }

    @Test
    void faultsAPointDoesNotSupportAreRejectedWhenAdded() {
        assertThatThrownBy(() -> plan.once(BEFORE_REPLY, Fault.drop()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEFORE_REPLY");
        assertThatThrownBy(() -> plan.always(ON_CONNECT, Fault.splitWrites(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.times(0, ON_REQUEST, Fault.drop()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.rules()).isEmpty();
    }

    @Test
    void concurrentCallersConsumeARuleExactlyItsCount() throws Exception {
        FaultRule<String> rule = plan.times(1000, ON_REQUEST, Fault.drop());
        AtomicInteger hits = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(CompletableFuture.runAsync(() -> {
                await(go);
                for (int i = 0; i < 500; i++) {
                    plan.next(ON_REQUEST, "r").ifPresent(fault -> hits.incrementAndGet());
                }
            }));
        }
        go.countDown();
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get();

        assertThat(hits).hasValue(1000);
        assertThat(rule.timesApplied()).isEqualTo(1000);
        assertThat(rule.isExhausted()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
