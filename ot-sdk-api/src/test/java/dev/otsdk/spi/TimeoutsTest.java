package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.OtException;
import dev.otsdk.api.OtTimeoutException;
import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    private final HashedWheelTimer timer = new HashedWheelTimer(1, TimeUnit.MILLISECONDS);

    @AfterEach
    void stop() {
        timer.stop();
    }

    @Test
    void anOperationThatNeverEndsFailsWithItsDescription() {
        CompletableFuture<String> f = Timeouts.within(new CompletableFuture<String>(), timer, Duration.ofMillis(20),
                "browse ns=0;i=85");
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OtTimeoutException.class).hasMessage("browse ns=0;i=85 timed out after 20ms");
    }

    @Test
    void resultsAndUnwrappedFailuresPassThrough() throws Exception {
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<String> bounded = Timeouts.within(ok, timer, Duration.ofSeconds(30), "x");
        ok.complete("done");
        assertThat(bounded.get(5, TimeUnit.SECONDS)).isEqualTo("done");

        CompletableFuture<String> bad = new CompletableFuture<>();
        CompletableFuture<String> boundedBad = Timeouts.within(bad, timer, Duration.ofSeconds(30), "x");
        OtException cause = new OtException("device said no");
        bad.completeExceptionally(new CompletionException(cause));
        assertThatThrownBy(() -> boundedBad.get(5, TimeUnit.SECONDS)).hasCause(cause);
    }

    @Test
    void aCompletedFutureIsReturnedAsIs() {
        CompletableFuture<String> done = CompletableFuture.completedFuture("now");
        assertThat(Timeouts.within(done, timer, Duration.ofMillis(1), "x")).isSameAs(done);
    }

    @Test
    void unwrapLooksThroughFutureWrappers() {
        OtException root = new OtException("root");
        assertThat(Timeouts.unwrap(new CompletionException(new ExecutionException(root)))).isSameAs(root);
        assertThat(Timeouts.unwrap(root)).isSameAs(root);
    }
}
