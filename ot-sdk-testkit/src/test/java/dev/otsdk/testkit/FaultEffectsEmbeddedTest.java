package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.testkit.internal.FaultEffects;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FaultEffects} on an {@link EmbeddedChannel}: every write is visible as its own message and
 * time is virtual, so delays and split writes are checked exactly and instantly.
 */
class FaultEffectsEmbeddedTest {

    private static final String REPLY = "0123456789";

    private EmbeddedChannel channel;
    private ChannelHandlerContext ctx;

    private record Busy() implements ProtocolFault {
    }

    @BeforeEach
    void openChannel() {
        channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        channel.freezeTime();
        ctx = channel.pipeline().firstContext();
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void noFaultWritesTheReplyAsIs() {
        FaultEffects.writeReply(ctx, reply());
        FaultEffects.writeReply(ctx, reply(), Fault.none().then(Fault.none()));

        assertThat(writes()).containsExactly(REPLY, REPLY);
    }

    @Test
    void splitWritesSendsEachPieceAsItsOwnWriteAndTheRestLast() {
        FaultEffects.writeReply(ctx, reply(), Fault.splitWrites(2, 3));

        assertThat(writes()).containsExactly("01", "234", "56789");
    }

    @Test
    void splitWritesWithAPauseWaitsBetweenPieces() {
        FaultEffects.writeReply(ctx, reply(), Fault.splitWrites(Duration.ofMillis(100), 4, 4));
        assertThat(writes()).containsExactly("0123");

        advance(Duration.ofMillis(99));
        assertThat(writes()).isEmpty();
        advance(Duration.ofMillis(1));
        assertThat(writes()).containsExactly("4567");
        advance(Duration.ofMillis(100));
        assertThat(writes()).containsExactly("89");
    }

    @Test
    void delayWritesLater() {
        FaultEffects.writeReply(ctx, reply(), Fault.delay(Duration.ofSeconds(2)));
        advance(Duration.ofMillis(1999));
        assertThat(writes()).isEmpty();

        advance(Duration.ofMillis(1));

        assertThat(writes()).containsExactly(REPLY);
    }

    @Test
    void aDelayedReplyToAClosedChannelIsDroppedWithoutLeaking() {
        FaultEffects.writeReply(ctx, reply(), Fault.delay(Duration.ofSeconds(1)).then(Fault.splitWrites(1)));
        channel.close();

        advance(Duration.ofSeconds(1));

        assertThat(writes()).isEmpty();
    }

    @Test
    void dropMidFrameSendsThePrefixThenCloses() {
        FaultEffects.writeReply(ctx, reply(), Fault.dropMidFrame(4));

        assertThat(writes()).containsExactly("0123");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void dropAndResetCloseWithoutWriting() {
        FaultEffects.writeReply(ctx, reply(), Fault.drop());
        assertThat(writes()).isEmpty();
        assertThat(channel.isOpen()).isFalse();

        openChannel();
        FaultEffects.writeReply(ctx, reply(), Fault.reset());
        assertThat(writes()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void stallKeepsTheChannelOpenAndWritesNothing() {
        FaultEffects.writeReply(ctx, reply(), Fault.stall());
        advance(Duration.ofHours(1));

        assertThat(writes()).isEmpty();
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void contentAndTransportFaultsCompose() {
        Fault content = Fault.truncate(6).then(Fault.corruptByte(0));

        FaultEffects.writeReply(ctx, reply(), content.then(Fault.delay(Duration.ofMillis(10))).then(Fault.splitWrites(3)));
        advance(Duration.ofMillis(10));

        assertThat(writtenBytes()).containsExactly(~'0', '1', '2', '3', '4', '5');
    }

    @Test
    void replaceReplySendsOtherBytes() {
        FaultEffects.writeReply(ctx, reply(), Fault.replaceReply("nope".getBytes(StandardCharsets.US_ASCII)));

        assertThat(writes()).containsExactly("nope");
    }

    @Test
    void anImpossibleRewriteThrowsAndReleasesTheReply() {
        ByteBuf reply = reply();

        assertThatThrownBy(() -> FaultEffects.writeReply(ctx, reply, Fault.corruptByte(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reply.refCnt()).isZero();
        assertThat(writes()).isEmpty();
    }

    @Test
    void aFailureAfterADelayReachesThePipeline() {
        FaultEffects.writeReply(ctx, reply(), Fault.delay(Duration.ofMillis(5)).then(Fault.corruptByte(99)));

        advance(Duration.ofMillis(5));

        assertThatThrownBy(channel::checkException).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corruptByte(99)");
    }

    @Test
    void faultsThatAreNotReplyFaultsAreRejectedAndTheReplyReleased() {
        ByteBuf protocolReply = reply();
        assertThatThrownBy(() -> FaultEffects.writeReply(ctx, protocolReply, new Busy()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ProtocolFault");
        assertThat(protocolReply.refCnt()).isZero();

        ByteBuf nullFaultReply = reply();
        assertThatThrownBy(() -> FaultEffects.writeReply(ctx, nullFaultReply, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(nullFaultReply.refCnt()).isZero();
    }

    @Test
    void requestGateRunsProcessingNowLaterOrNever() {
        List<String> processed = new ArrayList<>();

        FaultEffects.onRequest(ctx, Fault.none(), () -> processed.add("now"));
        FaultEffects.onRequest(ctx, Fault.delay(Duration.ofMillis(50)), () -> processed.add("later"));
        FaultEffects.onRequest(ctx, Fault.stall(), () -> processed.add("never"));
        assertThat(processed).containsExactly("now");

        advance(Duration.ofMillis(50));

        assertThat(processed).containsExactly("now", "later");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void requestGateDropClosesWithoutProcessing() {
        AtomicBoolean processed = new AtomicBoolean();

        FaultEffects.onRequest(ctx, Fault.delay(Duration.ofMillis(5)).then(Fault.drop()), () -> processed.set(true));
        advance(Duration.ofMillis(5));

        assertThat(processed).isFalse();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> FaultEffects.onRequest(ctx, new Busy(), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionGateHoldsReadsWhileDelayedAndRestoresThem() {
        FaultEffects.onConnect(ctx, Fault.delay(Duration.ofMillis(30)));
        assertThat(channel.config().isAutoRead()).isFalse();

        advance(Duration.ofMillis(30));
        assertThat(channel.config().isAutoRead()).isTrue();

        FaultEffects.onConnect(ctx, Fault.stall());
        advance(Duration.ofHours(1));
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void connectionGateRejectsReplyFaults() {
        assertThatThrownBy(() -> FaultEffects.onConnect(ctx, Fault.dropMidFrame(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ON_CONNECT");
    }

    private static ByteBuf reply() {
        return ByteBufUtil.writeAscii(PooledByteBufAllocator.DEFAULT, REPLY);
    }

    private void advance(Duration duration) {
        channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    /** Takes and releases every outbound message, one string per write. */
    private List<String> writes() {
        List<String> writes = new ArrayList<>();
        for (ByteBuf write; (write = channel.readOutbound()) != null; ) {
            writes.add(write.toString(StandardCharsets.ISO_8859_1));
            write.release();
        }
        return writes;
    }

    private byte[] writtenBytes() {
        List<String> writes = writes();
        assertThat(writes).isNotEmpty();
        return String.join("", writes).getBytes(StandardCharsets.ISO_8859_1);
    }
}
