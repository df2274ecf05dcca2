package dev.otsdk.modbus.internal;

import dev.otsdk.api.Capability;
import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.Tag;
import dev.otsdk.modbus.ModbusOperations;
import dev.otsdk.modbus.internal.codec.MbapFrameDecoder;
import dev.otsdk.modbus.internal.codec.RtuFrameDecoder;
import dev.otsdk.modbus.internal.codec.RtuFramer;
import dev.otsdk.spi.ConnectionAccess;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.Endpoint;
import dev.otsdk.spi.TagAddress;
import dev.otsdk.spi.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The Modbus side of one session: parses tags, opens connections, hands out {@link ModbusOperations}. */
final class ModbusSession implements DriverSession {

    private final DriverContext context;
    private final Transport transport;
    private final ModbusSettings settings;
    private final ModbusPlanner planner;
    private final SslContext ssl;
    private volatile ModbusConnection current;

    ModbusSession(DriverContext context, Transport transport) {
        this.context = context;
        this.transport = transport;
        this.settings = ModbusSettings.from(context.options());
        this.planner = new ModbusPlanner(settings);
        if (transport == Transport.TLS) {
            if (context.settings().clientCertificate().isEmpty()) {
                throw new ConfigurationException("modbus+tls needs a client certificate for mutual authentication:"
                        + " set SessionOptions.clientCertificate(...) (" + context.endpoint() + ")");
            }
            ssl = TlsContexts.client(context.settings());
        } else {
            ssl = null;
        }
    }

    @Override
    public TagAddress parse(Tag<?> tag) {
        return AddressParser.parse(tag, settings.unit(), settings.maxRegisters(), settings.maxBits());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DEVICE_INFO, Capability.PROTOCOL_EXTENSIONS);
    }

    @Override
    public CompletableFuture<DriverConnection> connect(ConnectionListener listener) {
        Endpoint ep = context.endpoint();
        String where = ep.authority();
        ClientHandler handler = new ClientHandler(settings, transport.rtu(), context.io().clock(), where);
        Bootstrap b = new Bootstrap().group(context.io().eventLoops()).channel(context.io().socketChannelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, context.io().allocator())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, context.settings().connectTimeout().toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", TlsContexts.clientHandler(ssl, ch.alloc(), ep,
                                    context.settings().hostnameVerification(), context.settings().connectTimeout()));
                        }
                        p.addLast("frames", transport.rtu() ? new RtuFrameDecoder(RtuFramer.Direction.RESPONSE)
                                : new MbapFrameDecoder());
                        p.addLast("modbus", handler);
                    }
                });
        CompletableFuture<DriverConnection> result = new CompletableFuture<>();
        ChannelFuture cf = b.connect(ep.host(), ep.port());
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new ConnectionException("cannot connect to " + where + ": "
                        + f.cause().getMessage(), f.cause()));
                return;
            }
            Channel ch = cf.channel();
            if (ssl == null) {
                result.complete(open(ch, handler, listener, where));
                return;
            }
            ch.pipeline().get(SslHandler.class).handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    result.complete(open(ch, handler, listener, where));
                } else {
                    ch.close();
                    result.completeExceptionally(TlsContexts.classify(h.cause(), ep));
                }
            });
        });
        return result;
    }

    private ModbusConnection open(Channel ch, ClientHandler handler, ConnectionListener listener, String where) {
        ModbusConnection c = new ModbusConnection(ch, handler, planner, context.requestTimeout(), transport.rtu(),
                settings.unit(), where, listener);
        current = c;
        return c;
    }

    ModbusConnection current() {
        return current;
    }

    int defaultUnit() {
        return settings.unit();
    }

    @Override
    public <X> Optional<X> extension(Class<X> type, ConnectionAccess access) {
        if (type == ModbusOperations.class) {
            return Optional.of(type.cast(new ModbusOperationsImpl(this, access)));
        }
        return Optional.empty();
    }
}
