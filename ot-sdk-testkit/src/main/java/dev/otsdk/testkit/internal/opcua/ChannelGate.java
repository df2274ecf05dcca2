package dev.otsdk.testkit.internal.opcua;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tracks the server's client connections and can stop reading from them: requests then wait in the
 * socket buffers, the client sees no answers (a stalled network or a hung server), and everything resumes
 * where it stopped once reading is switched on again.
 */
public final class ChannelGate implements Consumer<ChannelPipeline> {

    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private volatile boolean paused;

    @Override
    public void accept(ChannelPipeline pipeline) {
        Channel ch = pipeline.channel();
        channels.add(ch);
        ch.closeFuture().addListener(f -> channels.remove(ch));
        pipeline.addFirst("otsdk-gate", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                if (paused) {
                    ctx.channel().config().setAutoRead(false);
                }
                super.channelActive(ctx);
            }
        });
        if (paused) {
            ch.config().setAutoRead(false);
        }
    }

    /**
     * Stops reading from every connection, present and future. Returns once every connection's event
     * loop has applied it, so a request sent afterwards is not read.
     */
    public void pause() {
        paused = true;
        for (Channel ch : channels) {
            if (ch.eventLoop().inEventLoop()) {
                ch.config().setAutoRead(false);
            } else {
                ch.eventLoop().submit(() -> ch.config().setAutoRead(false)).awaitUninterruptibly(5_000);
            }
        }
    }

    /** Reads again. */
    public void resume() {
        paused = false;
        for (Channel ch : channels) {
            ch.config().setAutoRead(true);
            ch.read();
        }
    }

    /**
     * Tells whether reading is stopped.
     *
     * @return whether paused
     */
    public boolean isPaused() {
        return paused;
    }

    /** Closes every connection. */
    public void closeAll() {
        for (Channel ch : channels) {
            ch.close();
        }
    }
}
