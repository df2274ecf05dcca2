package dev.otsdk.testkit;

import dev.otsdk.testkit.internal.FaultEffects;

import dev.otsdk.testkit.internal.TcpServer;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal emulator for a line protocol ({@code ping} answered by {@code echo:ping}), wired to the
 * fault plan the way the protocol emulators are: it is the fixture that tests {@link dev.otsdk.testkit.internal.FaultEffects} over
 * real TCP and shows emulator authors the intended flow.
 */
final class LineEmulator implements Emulator {

    /** This protocol's own error answer: {@code error:MESSAGE}. */
    record ErrorReply(String message) implements ProtocolFault {
    }

    private final FaultPlan<String> faults = new FaultPlan<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final TcpServer server = new TcpServer("line-emulator", Ports.loopback(), new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new LineBasedFrameDecoder(1024), new StringDecoder(StandardCharsets.UTF_8),
                    new Handler());
        }
    });

    FaultPlan<String> faults() {
        return faults;
    }

    /** Requests decoded, whether or not they were acted on. */
    List<String> received() {
        return received;
    }

    /** Requests acted on (past {@link FaultPoint#ON_REQUEST}). */
    List<String> processed() {
        return processed;
    }

    /** Failures the handler saw, e.g. from a fault step that ran after a delay. */
    List<Throwable> errors() {
        return errors;
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String uri() {
        return Ports.uri("line", server.localAddress());
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Handler extends SimpleChannelInboundHandler<String> {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            faults.nextOnConnect().ifPresent(fault -> FaultEffects.onConnect(ctx, fault));
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String request) {
            received.add(request);
            Fault gate = faults.next(FaultPoint.ON_REQUEST, request).orElse(Fault.none());
            if (gate instanceof ErrorReply error) {
                reply(ctx, request, "error:" + error.message(), Fault.none());
                return;
            }
            FaultEffects.onRequest(ctx, gate, () -> process(ctx, request));
        }

        private void process(ChannelHandlerContext ctx, String request) {
            processed.add(request);
            String reply = "echo:" + request;
            Fault content = faults.next(FaultPoint.BEFORE_REPLY, request).orElse(Fault.none());
            if (content instanceof ErrorReply error) {
                reply = "error:" + error.message();
                content = Fault.none();
            }
            reply(ctx, request, reply, content);
        }

        private void reply(ChannelHandlerContext ctx, String request, String reply, Fault content) {
            Fault write = faults.next(FaultPoint.ON_REPLY_WRITE, request).orElse(Fault.none());
            FaultEffects.writeReply(ctx, ByteBufUtil.writeUtf8(ctx.alloc(), reply + "\n"), content.then(write));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
            ctx.close();
        }
    }
}
