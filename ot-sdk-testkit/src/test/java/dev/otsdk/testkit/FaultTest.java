package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTest {

    private record Busy() implements ProtocolFault {
    }

    @Test
    void rewritesWorkOnACopyOfTheReply() {
        byte[] reply = {1, 2, 3, 4};

        assertThat(Fault.corruptByte(1).apply(reply.clone())).containsExactly(1, ~2, 3, 4);
        assertThat(Fault.truncate(2).apply(reply.clone())).containsExactly(1, 2);
        assertThat(Fault.truncate(10).apply(reply.clone())).containsExactly(1, 2, 3, 4);
        assertThat(Fault.replaceReply(new byte[] {9}).apply(reply.clone())).containsExactly(9);
        assertThat(Fault.malformed(bytes -> new byte[] {bytes[3]}).apply(reply.clone())).containsExactly(4);
    }

    @Test
    void replaceReplyIsImmuneToLaterChangesOfTheArray() {
        byte[] replacement = {7, 7};
        Fault.RewriteReply fault = Fault.replaceReply(replacement);
        replacement[0] = 0;

        byte[] first = fault.apply(new byte[0]);
        first[1] = 0;

        assertThat(fault.apply(new byte[0])).containsExactly(7, 7);
    }

    @Test
    void rewritesRejectWhatCannotBeDone() {
        assertThatThrownBy(() -> Fault.corruptByte(4).apply(new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 4 bytes");
        assertThatThrownBy(() -> Fault.malformed(bytes -> null).apply(new byte[1]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.corruptByte(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropMidFrame(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.splitWrites()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.splitWrites(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.splitWrites(Duration.ofMillis(5), 1, 2).chunkSizes()).containsExactly(1, 2);
    }

    @Test
    void thenBuildsAFlatSequence() {
        Fault sequence = Fault.corruptByte(0).then(Fault.delay(Duration.ofMillis(1))).then(Fault.drop());

        assertThat(sequence.steps()).hasSize(3).last().isEqualTo(Fault.drop());
        assertThat(Fault.drop().steps()).containsExactly(Fault.drop());
    }

    @Test
    void nothingCanFollowAFaultThatEndsTheExchange() {
        assertThatThrownBy(() -> Fault.drop().then(Fault.delay(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends the exchange");
        assertThatThrownBy(() -> Fault.splitWrites(1).then(Fault.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void protocolFaultsCannotBeSequenced() {
        assertThatThrownBy(() -> new Busy().then(Fault.drop())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.none().then(new Busy())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPointAcceptsOnlyWhatMeansSomethingThere() {
        assertThat(FaultPoint.ON_CONNECT.supports(Fault.delay(Duration.ZERO).then(Fault.reset()))).isTrue();
        assertThat(FaultPoint.ON_CONNECT.supports(new Busy())).isFalse();
        assertThat(FaultPoint.ON_CONNECT.supports(Fault.splitWrites(1))).isFalse();
        assertThat(FaultPoint.ON_REQUEST.supports(new Busy())).isTrue();
        assertThat(FaultPoint.ON_REQUEST.supports(Fault.truncate(1))).isFalse();
        assertThat(FaultPoint.BEFORE_REPLY.supports(Fault.truncate(1).then(Fault.corruptByte(0)))).isTrue();
        assertThat(FaultPoint.BEFORE_REPLY.supports(Fault.drop())).isFalse();
        assertThat(FaultPoint.ON_REPLY_WRITE.supports(Fault.delay(Duration.ZERO).then(Fault.dropMidFrame(2)))).isTrue();
        assertThat(FaultPoint.ON_REPLY_WRITE.supports(new Busy())).isFalse();
        for (FaultPoint point : FaultPoint.values()) {
            assertThat(point.supports(Fault.none())).as(point.name()).isTrue();
        }
    }

    @Test
    void rewritesDescribeThemselves() {
        assertThat(Fault.corruptByte(3)).hasToString("RewriteReply[corruptByte(3)]");
        assertThat(Fault.malformed("swap halves", bytes -> bytes)).hasToString("RewriteReply[swap halves]");
    }
}
