package dev.otsdk.internal;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.Capability;
import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.SessionStateListener;
import dev.otsdk.api.Status;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionEvent;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.TagWrite;
import dev.otsdk.api.UnsupportedCapabilityException;
import dev.otsdk.api.ValueConversionException;
import dev.otsdk.api.WriteOutcome;
import dev.otsdk.api.WriteResult;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.ConnectionAccess;
import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.TagAddress;
import dev.otsdk.spi.Timeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;

/** The runtime's {@link Session}: binds tags, runs requests, owns subscriptions, delegates to the driver. */
final class ManagedSession implements Session, ConnectionSupervisor.Observer {

    private static final int ADDRESS_CACHE_LIMIT = 10_000;

    private final ClientRuntime client;
    private final Driver driver;
    private final DriverSession driverSession;
    private final DriverContext context;
    private final IoRuntime io;
    private final String uri;
    private final ConnectionSupervisor supervisor;
    private final RequestRunner runner;
    private final PollingEngine polling;
    private final Duration operationTimeout;
    /** Where user-facing futures complete: never an I/O thread. */
    private final Executor completions;
    private final boolean nativeSubscriptions;
    private final Set<SubscriptionHandle> subscriptions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Tag<?>, TagAddress> addresses = new ConcurrentHashMap<>();

    ManagedSession(ClientRuntime client, Driver driver, DriverContext context, DriverSession driverSession) {
        this.client = client;
        this.driver = driver;
        this.context = context;
        this.driverSession = driverSession;
        this.io = context.io();
        this.uri = context.endpoint().uri();
        this.supervisor = new ConnectionSupervisor(uri, driverSession, context.sessionOptions(), io, this);
        this.runner = new RequestRunner(io, context.sessionOptions().requestTimeout(), uri);
        this.polling = new PollingEngine(io, this::connectionOrNull, runner, uri);
        this.operationTimeout = context.sessionOptions().requestTimeout().multipliedBy(2).plusSeconds(1);
        this.completions = io.callbackExecutor();
        this.nativeSubscriptions = driverSession.capabilities().contains(Capability.NATIVE_SUBSCRIPTIONS);
    }

    CompletableFuture<Session> start() {
        return supervisor.start().thenApply(v -> this);
    }

    private DriverConnection connectionOrNull() {
        try {
            return supervisor.state() == SessionState.CONNECTED ? supervisor.current() : null;
        } catch (OtException e) {
            return null;
        }
    }

    // ---- identity and state

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String protocol() {
        return driver.name();
    }

    @Override
    public SessionState state() {
        return supervisor.state();
    }

    @Override
    public Set<Capability> capabilities() {
        return driverSession.capabilities();
    }

    @Override
    public void addStateListener(SessionStateListener listener) {
        supervisor.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeStateListener(SessionStateListener listener) {
        supervisor.removeListener(listener);
    }

    // ---- tag binding

    private BoundTag bind(int index, Tag<?> tag) {
        Objects.requireNonNull(tag, "tag");
        TagAddress a = addresses.get(tag);
        if (a == null) {
            a = driverSession.parse(tag);
            if (addresses.size() >= ADDRESS_CACHE_LIMIT) {
                addresses.clear();
            }
            addresses.put(tag, a);
        }
        return new BoundTag(index, tag, a);
    }

    private List<BoundTag> bindAll(List<? extends Tag<?>> tags) {
        Objects.requireNonNull(tags, "tags");
        List<BoundTag> out = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            out.add(bind(i, tags.get(i)));
        }
        return out;
    }

    // ---- reads

    // Blocking calls wait on the internal future directly: no user code can run on the I/O thread while
    // the caller waits, so the hop to the callback threads (one thread wake-up per request) is skipped.

    @Override
    public <T> TagValue<T> read(Tag<T> tag) {
        return Futures.await(internal(() -> readOne(tag, null)));
    }

    @Override
    public ReadResult read(List<? extends Tag<?>> tags) {
        return Futures.await(internal(() -> readMany(tags, null)));
    }

    @Override
    public <T> CompletableFuture<TagValue<T>> readAsync(Tag<T> tag) {
        return userFuture(() -> readOne(tag, completions));
    }

    @Override
    public CompletableFuture<ReadResult> readAsync(List<? extends Tag<?>> tags) {
        return userFuture(() -> readMany(tags, completions));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<TagValue<T>> readOne(Tag<T> tag, Executor completeOn) {
        return runner.read(supervisor.current(), List.of(bind(0, tag)), values -> (TagValue<T>) values.get(0),
                completeOn);
    }

    private CompletableFuture<ReadResult> readMany(List<? extends Tag<?>> tags, Executor completeOn) {
        List<BoundTag> bound = bindAll(tags);
        DriverConnection c = bound.isEmpty() ? null : supervisor.current();
        if (c == null) {
            return CompletableFuture.completedFuture(ReadResult.of(List.of()));
        }
        return runner.read(c, bound, ReadResult::of, completeOn);
    }

    // ---- writes

    @Override
    public <T> void write(Tag<T> tag, T value) {
        Futures.await(internal(() -> writeOne(tag, value, null)));
    }

    @Override
    public WriteResult write(List<? extends TagWrite<?>> writes) {
        return Futures.await(internal(() -> writeInternal(writes, null)));
    }

    @Override
    public <T> CompletableFuture<Void> writeAsync(Tag<T> tag, T value) {
        return userFuture(() -> writeOne(tag, value, completions));
    }

    private <T> CompletableFuture<Void> writeOne(Tag<T> tag, T value, Executor completeOn) {
        return writeInternal(List.of(new TagWrite<>(tag, value)), r -> {
            r.orThrow();
            return null;
        }, completeOn);
    }

    @Override
    public CompletableFuture<WriteResult> writeAsync(List<? extends TagWrite<?>> writes) {
        return userFuture(() -> writeInternal(writes, completions));
    }

    private CompletableFuture<WriteResult> writeInternal(List<? extends TagWrite<?>> writes, Executor completeOn) {
        return writeInternal(writes, r -> r, completeOn);
    }

    private <R> CompletableFuture<R> writeInternal(List<? extends TagWrite<?>> writes, Function<WriteResult, R> finish,
            Executor completeOn) {
        Objects.requireNonNull(writes, "writes");
        List<BoundWrite> bound = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            TagWrite<?> w = Objects.requireNonNull(writes.get(i), "write");
            BoundTag b = bind(i, w.tag());
            Object value;
            try {
                value = b.address().type().convert(w.value());
            } catch (ValueConversionException e) {
                throw new ValueConversionException("write " + w.tag() + ": " + e.getMessage());
            }
            bound.add(new BoundWrite(i, w.tag(), b.address(), value));
        }
        if (bound.isEmpty()) {
            return CompletableFuture.completedFuture(finish.apply(WriteResult.of(List.of())));
        }
        return runner.write(supervisor.current(), bound, statuses -> {
            List<WriteOutcome> out = new ArrayList<>(statuses.size());
            for (int i = 0; i < statuses.size(); i++) {
                Status s = statuses.get(i);
                out.add(new WriteOutcome(bound.get(i).tag(), s));
            }
            return finish.apply(WriteResult.of(out));
        }, completeOn);
    }

    // ---- subscriptions

    @Override
    public Subscription subscribe(List<? extends Tag<?>> tags, SubscriptionOptions options,
            SubscriptionListener listener) {
        return Futures.await(subscribeAsync(tags, options, listener));
    }

    @Override
    public CompletableFuture<Subscription> subscribeAsync(List<? extends Tag<?>> tags, SubscriptionOptions options,
            SubscriptionListener listener) {
        Objects.requireNonNull(listener, "listener");
        return onCallbackThreads(() -> {
            EventDelivery d = newDelivery(options, new ListenerTarget(listener), true);
            d.begin();
            return subscribeWith(tags, options, d).thenApply(h -> (Subscription) h);
        });
    }

    @Override
    public Flow.Publisher<SubscriptionEvent> publisher(List<? extends Tag<?>> tags, SubscriptionOptions options) {
        return new SessionPublisher(this, List.copyOf(tags), options);
    }

    EventDelivery newDelivery(SubscriptionOptions options, EventDelivery.Target target, boolean unbounded) {
        return new EventDelivery(io.callbackExecutor(), io.clock(), options.bufferSize(), target, unbounded);
    }

    /** Creates a subscription feeding {@code delivery}; fails for bad tags, bad options or a closed session. */
    CompletableFuture<SubscriptionHandle> subscribeWith(List<? extends Tag<?>> tags, SubscriptionOptions options,
            EventDelivery delivery) {
        try {
            Objects.requireNonNull(options, "options");
            if (supervisor.state() == SessionState.CLOSED) {
                throw new SessionClosedException("session " + uri + " is closed", null);
            }
            List<BoundTag> bound = bindAll(tags);
            if (bound.isEmpty()) {
                throw new IllegalArgumentException("subscribe needs at least one tag");
            }
            SubscriptionHandle h = new SubscriptionHandle(bound, options, delivery, this::forget);
            if (!nativeSubscriptions) {
                if (options.deadband().kind() == Deadband.Kind.PERCENT) {
                    throw new ConfigurationException(driver.name() + " subscriptions are polled and the device reports"
                            + " no engineering range, so a percent deadband cannot be computed; use"
                            + " Deadband.absolute(...)");
                }
                h.polled = polling.add(bound, options, delivery);
                subscriptions.add(h);
                return CompletableFuture.completedFuture(h);
            }
            subscriptions.add(h);
            DriverConnection c = connectionOrNull();
            if (c == null) {
                return CompletableFuture.completedFuture(h); // created when the connection is back
            }
            return Timeouts.within(h.bindNative(c), io.timer(), operationTimeout, "subscribe on " + uri)
                    .handle((v, e) -> {
                        if (e != null) {
                            h.close();
                            throw new java.util.concurrent.CompletionException(Timeouts.unwrap(e));
                        }
                        return h;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void forget(SubscriptionHandle h) {
        subscriptions.remove(h);
        PollingEngine.Polled p = h.polled;
        if (p != null) {
            polling.remove(p);
        }
    }

    // ---- connectivity, from the supervisor

    @Override
    public void connected(DriverConnection connection, boolean sameConnection, Instant downSince,
            Throwable downCause) {
        if (nativeSubscriptions && !sameConnection) {
            Instant now = io.clock().instant();
            for (SubscriptionHandle h : subscriptions) {
                if (downSince != null) {
                    h.gap(new Gap(downSince, now, Gap.Reason.CONNECTION_LOST,
                            0, downCause == null ? "connection lost" : String.valueOf(downCause.getMessage())));
                }
                h.bindNative(connection).exceptionally(e -> {
                    Throwable c = Timeouts.unwrap(e);
                    h.failed(c instanceof OtException o ? o
                            : new OtException("re-creating the subscription failed: " + c, c));
                    return null;
                });
            }
        }
        polling.connected();
    }

    @Override
    public void disconnected(Instant at, Throwable cause) {
        polling.disconnected(at, cause);
    }

    @Override
    public void closed(Throwable cause) {
        polling.close();
        OtException end = cause == null ? null : new SessionClosedException("session " + uri + " closed: "
                + cause.getMessage(), cause);
        for (SubscriptionHandle h : subscriptions) {
            h.sessionEnded(end);
        }
        subscriptions.clear();
        client.forget(this);
    }

    // ---- browse, info, extensions

    @Override
    public List<dev.otsdk.api.BrowseNode> browse(String node) {
        return Futures.await(browseAsync(node));
    }

    @Override
    public CompletableFuture<List<BrowseNode>> browseAsync(String node) {
        return onCallbackThreads(() -> {
            require(Capability.BROWSE);
            return call("browse " + (node == null || node.isEmpty() ? "root" : node),
                    c -> c.browse(node == null ? "" : node));
        });
    }

    @Override
    public DeviceInfo deviceInfo() {
        return Futures.await(deviceInfoAsync());
    }

    @Override
    public CompletableFuture<DeviceInfo> deviceInfoAsync() {
        return onCallbackThreads(() -> {
            require(Capability.DEVICE_INFO);
            return call("device identification", DriverConnection::deviceInfo);
        });
    }

    @Override
    public <X> X unwrap(Class<X> type) {
        Objects.requireNonNull(type, "type");
        ConnectionAccess access = new ConnectionAccess() {
            @Override
            public <R> CompletableFuture<R> call(String what, Function<DriverConnection, CompletableFuture<R>> op) {
                return onCallbackThreads(() -> ManagedSession.this.call(what, op));
            }
        };
        return driverSession.extension(type, access)
                .orElseThrow(() -> new UnsupportedCapabilityException(Capability.PROTOCOL_EXTENSIONS,
                        driver.name() + " (no " + type.getSimpleName() + ")"));
    }

    private <R> CompletableFuture<R> call(String what, Function<DriverConnection, CompletableFuture<R>> op) {
        return Timeouts.within(op.apply(supervisor.current()), io.timer(), operationTimeout, what + " on " + uri);
    }

    private void require(Capability c) {
        if (!capabilities().contains(c)) {
            throw new UnsupportedCapabilityException(c, driver.name());
        }
    }

    // ---- close

    @Override
    public void close() {
        Futures.await(closeAsync());
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return Futures.completeOn(supervisor.close(), io.callbackExecutor());
    }

    /**
     * Runs {@code op}, which completes on the callback threads itself, turning a synchronous throw into a
     * future failed on the callback threads too.
     */
    private <T> CompletableFuture<T> userFuture(java.util.function.Supplier<CompletableFuture<T>> op) {
        try {
            return op.get();
        } catch (RuntimeException e) {
            return Futures.completeOn(CompletableFuture.failedFuture(e), io.callbackExecutor());
        }
    }

    /** Runs {@code op} and moves its completion to the callback threads. */
    private <T> CompletableFuture<T> onCallbackThreads(java.util.function.Supplier<CompletableFuture<T>> op) {
        return Futures.completeOn(internal(op), io.callbackExecutor());
    }

    /** Runs {@code op}, turning a synchronous throw into a failed future; for blocking callers only. */
    private static <T> CompletableFuture<T> internal(java.util.function.Supplier<CompletableFuture<T>> op) {
        try {
            return op.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return "Session[" + uri + ", " + state() + "]";
    }

    /** Adapts a {@link SubscriptionListener} to the delivery target. */
    private static final class ListenerTarget implements EventDelivery.Target {
        private final SubscriptionListener listener;

        ListenerTarget(SubscriptionListener listener) {
            this.listener = listener;
        }

        @Override
        public void start() {
        }

        @Override
        public void event(SubscriptionEvent event) {
            if (event instanceof TagValue<?> v) {
                listener.onValue(v);
            } else if (event instanceof Gap g) {
                listener.onGap(g);
            }
        }

        @Override
        public void error(OtException error) {
            listener.onError(error);
        }

        @Override
        public void complete() {
        }
    }
}
