package dev.otsdk.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.modbus.internal.codec.MbapFrameDecoder;
import dev.otsdk.spi.ConnectionListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The client handler's send path: one buffer per event-loop turn, and what a failed write does. */
class ClientHandlerTest {

    static final ModbusSettings SETTINGS = new ModbusSettings(1, 64, 100, 125, 2000, 16, false);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** MBAP header (7) + FC 8 + sub-function (2) + two data bytes. */
    static final int ECHO_FRAME = 12;

    final ClientHandler handler = new ClientHandler(SETTINGS, false, Clock.systemUTC(), "plc:502");

    @Test
    void requestsOfOneTurnLeaveInOneBufferWithOneWrite() {
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder(), handler);
        List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            echoes.add(handler.submit(new ExtensionCalls.Echo(1, new byte[] {(byte) i, 7}), TIMEOUT));
        }
        assertThat((Object) ch.readOutbound()).as("nothing is written before the turn ends").isNull();

        ch.runPendingTasks();

        ByteBuf out = ch.readOutbound();
        try {
            assertThat((Object) ch.readOutbound()).as("one write for the whole turn").isNull();
            assertThat(out.readableBytes()).isEqualTo(3 * ECHO_FRAME);
            int[] ids = new int[3];
            for (int i = 0; i < 3; i++) {
                int at = i * ECHO_FRAME;
                ids[i] = out.getUnsignedShort(at);
                assertThat(out.getUnsignedShort(at + 4)).as("MBAP length").isEqualTo(6);
                assertThat((int) out.getUnsignedByte(at + 6)).as("unit").isEqualTo(1);
                assertThat(out.getByte(at + 10)).as("echo data").isEqualTo((byte) i);
            }
            assertThat(ids).doesNotHaveDuplicates();

            // The device answers in reverse order, all in one segment: each answer finds its request.
            ByteBuf answers = Unpooled.buffer();
            for (int i = 2; i >= 0; i--) {
                answers.writeBytes(out, i * ECHO_FRAME, ECHO_FRAME);
            }
            ch.writeInbound(answers);
            for (int i = 0; i < 3; i++) {
                assertThat(echoes.get(i).join()).containsExactly(i, 7);
            }
        } finally {
            out.release();
            assertThat(ch.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void requestsBeyondOneOutboxGoOutInSeveralWritesInOrder() {
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder(), handler);
        byte[] big = new byte[240];
        int frame = 7 + 3 + big.length;
        int n = 40; // 40 x 250 bytes: more than one 4 KiB outbox
        for (int i = 0; i < n; i++) {
            handler.submit(new ExtensionCalls.Echo(1, big), TIMEOUT);
        }
        ch.runPendingTasks();

        int bytes = 0;
        int writes = 0;
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            assertThat(b.readableBytes() % frame).as("whole frames per write").isZero();
            bytes += b.readableBytes();
            writes++;
            b.release();
        }
        assertThat(bytes).isEqualTo(n * frame);
        assertThat(writes).as("16 frames fill a 4 KiB outbox").isEqualTo(3);
        ch.close();
        ch.runPendingTasks();
        handler.window().failAll(new ConnectionLostException("test over", null));
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aFailedWriteClosesTheConnectionAndFailsEveryRequestInFlight() {
        EmbeddedChannel ch = new EmbeddedChannel(new FailingWrites(), new MbapFrameDecoder(), handler);
        List<Throwable> closed = new ArrayList<>();
        new ModbusConnection(ch, handler, new ModbusPlanner(SETTINGS), TIMEOUT, false, 1, "plc:502",
                new ConnectionListener() {
                    @Override
                    public void closed(Throwable cause) {
                        closed.add(cause);
                    }

                    @Override
                    public void interrupted(Throwable cause) {
                    }

                    @Override
                    public void resumed() {
                    }
                });
        CompletableFuture<byte[]> a = handler.submit(new ExtensionCalls.Echo(1, new byte[] {1, 2}), TIMEOUT);
        CompletableFuture<byte[]> b = handler.submit(new ExtensionCalls.Echo(1, new byte[] {3, 4}), TIMEOUT);

        ch.runPendingTasks();

        assertThat(ch.isOpen()).isFalse();
        for (CompletableFuture<byte[]> f : List.of(a, b)) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("plc:502").hasMessageContaining("broken pipe");
        }
        assertThat(closed).singleElement().isInstanceOf(ConnectionLostException.class);
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aRemovedHandlerReleasesItsUnsentOutbox() {
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder(), handler);
        CompletableFuture<byte[]> a = handler.submit(new ExtensionCalls.Echo(1, new byte[] {1, 2}), TIMEOUT);

        ch.pipeline().remove(handler); // releases the outbox; the leak detector would report it otherwise
        ch.runPendingTasks();
        handler.window().failAll(new ConnectionLostException("handler removed", null));

        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(a).isCompletedExceptionally();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    /** Fails every write, as a socket whose peer went away does. */
    static final class FailingWrites extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IOException("broken pipe"));
        }
    }
}
