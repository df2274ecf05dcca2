package dev.otsdk.internal;

import dev.otsdk.api.Capability;
import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.Status;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.api.TagValue;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.NativeSubscription;
import dev.otsdk.spi.OptionSpec;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import dev.otsdk.spi.RequestPlanner;
import dev.otsdk.spi.SubscriptionSink;
import dev.otsdk.spi.TagAddress;
import io.netty.channel.EventLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only driver, scheme {@code mem://<device>}. Addresses are {@code v:NAME}; values live in a
 * {@link Device} that tests control (refuse addresses, fail connects, drop connections, stall reads).
 * Planner: batches of {@code batch} tags (option, default 10).
 */
final class MemoryDriver implements Driver {

    static final Status ILLEGAL_ADDRESS = new Status(2, "ILLEGAL_DATA_ADDRESS", "refused by the test device");
    static final Status UNKNOWN_ITEM = new Status(0x80340000L, "Bad_NodeIdUnknown", "no such item");
    static final Status READ_ONLY = new Status(0x803B0000L, "Bad_NotWritable", "read only");

    private final ConcurrentHashMap<String, Device> devices = new ConcurrentHashMap<>();

    Device device(String name) {
        return devices.computeIfAbsent(name, n -> new Device());
    }

    @Override
    public String name() {
        return "Memory";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mem");
    }

    @Override
    public int defaultPort(String scheme) {
        return 1;
    }

    @Override
    public List<OptionSpec> options(String scheme) {
        return List.of(OptionSpec.integer("batch", 1, 1000, 10L, "tags per request"),
                OptionSpec.bool("native", false, "whether subscriptions are native"));
    }

    @Override
    public DriverSession open(DriverContext context) {
        return new MemSession(context, device(context.endpoint().host()));
    }

    record MemAddress(String name, DataType<?> type) implements TagAddress {
    }

    record MemRead(List<BoundTag> tags) implements PlannedRead {
    }

    record MemWrite(List<BoundWrite> writes) implements PlannedWrite {
    }

    /** What a test controls. */
    static final class Device {
        final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Set<String> unknown = ConcurrentHashMap.newKeySet();
        final Set<String> readOnly = ConcurrentHashMap.newKeySet();
        final Queue<Throwable> connectFailures = new ConcurrentLinkedQueue<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger sessionsClosed = new AtomicInteger();
        final List<List<String>> reads = new CopyOnWriteArrayList<>();
        final List<MemConnection> connections = new CopyOnWriteArrayList<>();
        final List<SubscriptionSink> sinks = new CopyOnWriteArrayList<>();
        volatile boolean stallReads;
        volatile boolean connectNeverCompletes;
        /** Reads are answered once this completes; tests hold it to attach callbacks first. */
        volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

        /** Drops every open connection as if the peer went away. */
        void drop(String why) {
            for (MemConnection c : connections) {
                c.lost(new ConnectionLostException("test dropped the connection: " + why, null));
            }
        }

        /** Reports an interruption the driver recovers from itself (OPC UA style). */
        void interrupt() {
            for (MemConnection c : connections) {
                c.listener.interrupted(new ConnectionLostException("interrupted by the test", null));
            }
        }

        void resume() {
            for (MemConnection c : connections) {
                c.listener.resumed();
            }
        }

        /** Pushes a value to native subscriptions that contain this address. */
        void push(String name, Object value) {
            values.put(name, value);
            for (SubscriptionSink s : sinks) {
                if (s instanceof MemSink m) {
                    m.push(name, value);
                }
            }
        }

        int openConnections() {
            return connections.size();
        }
    }

    private static final class MemSession implements DriverSession {
        private final DriverContext context;
        private final Device device;
        private final boolean nativeSubs;
        private final int batch;

        MemSession(DriverContext context, Device device) {
            this.context = context;
            this.device = device;
            this.nativeSubs = context.options().getBool("native");
            this.batch = context.options().getInt("batch");
        }

        @Override
        public TagAddress parse(Tag<?> tag) {
            String a = tag.address();
            if (!a.startsWith("v:")) {
                throw new TagAddressException(a, 0, "'v:' followed by a name");
            }
            if (a.length() == 2) {
                throw new TagAddressException(a, 2, "a name");
            }
            DataType<?> type = tag.type() == DataType.AUTO ? DataType.INT32 : tag.type();
            return new MemAddress(a.substring(2), type);
        }

        @Override
        public Set<Capability> capabilities() {
            return nativeSubs ? EnumSet.of(Capability.NATIVE_SUBSCRIPTIONS) : EnumSet.noneOf(Capability.class);
        }

        @Override
        public CompletableFuture<DriverConnection> connect(ConnectionListener listener) {
            device.connects.incrementAndGet();
            if (device.connectNeverCompletes) {
                return new CompletableFuture<>();
            }
            Throwable failure = device.connectFailures.poll();
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            EventLoop loop = context.io().eventLoops().next();
            MemConnection c = new MemConnection(device, listener, loop, batch, context);
            device.connections.add(c);
            CompletableFuture<DriverConnection> f = new CompletableFuture<>();
            loop.execute(() -> f.complete(c));
            return f;
        }

        @Override
        public void close() {
            device.sessionsClosed.incrementAndGet();
        }
    }

    static final class MemConnection implements DriverConnection, RequestPlanner {
        private final Device device;
        final ConnectionListener listener;
        private final EventLoop loop;
        private final int batch;
        private final DriverContext context;
        private final List<CompletableFuture<?>> pending = new CopyOnWriteArrayList<>();
        private volatile boolean open = true;

        MemConnection(Device device, ConnectionListener listener, EventLoop loop, int batch, DriverContext context) {
            this.device = device;
            this.listener = listener;
            this.loop = loop;
            this.batch = batch;
            this.context = context;
        }

        void lost(Throwable cause) {
            if (!open) {
                return;
            }
            open = false;
            device.connections.remove(this);
            for (CompletableFuture<?> f : pending) {
                f.completeExceptionally(cause);
            }
            listener.closed(cause);
        }

        @Override
        public RequestPlanner planner() {
            return this;
        }

        @Override
        public List<MemRead> planReads(List<BoundTag> tags) {
            List<MemRead> out = new ArrayList<>();
            for (int i = 0; i < tags.size(); i += batch) {
                out.add(new MemRead(List.copyOf(tags.subList(i, Math.min(tags.size(), i + batch)))));
            }
            return out;
        }

        @Override
        public List<MemWrite> planWrites(List<BoundWrite> writes) {
            List<MemWrite> out = new ArrayList<>();
            for (int i = 0; i < writes.size(); i += batch) {
                out.add(new MemWrite(List.copyOf(writes.subList(i, Math.min(writes.size(), i + batch)))));
            }
            return out;
        }

        @Override
        public CompletableFuture<List<TagValue<?>>> read(PlannedRead read) {
            List<BoundTag> tags = read.tags();
            List<String> names = new ArrayList<>();
            for (BoundTag t : tags) {
                names.add(t.address(MemAddress.class).name());
            }
            device.reads.add(names);
            CompletableFuture<List<TagValue<?>>> f = new CompletableFuture<>();
            if (!open) {
                f.completeExceptionally(new ConnectionLostException("closed", null));
                return f;
            }
            pending.add(f);
            f.whenComplete((v, e) -> pending.remove(f));
            if (device.stallReads) {
                return f;
            }
            device.gate.thenRunAsync(() -> {
                for (String n : names) {
                    if (device.refused.contains(n)) {
                        f.completeExceptionally(new DeviceException("read " + names, ILLEGAL_ADDRESS));
                        return;
                    }
                }
                Instant now = context.io().clock().instant();
                List<TagValue<?>> out = new ArrayList<>();
                for (BoundTag t : tags) {
                    MemAddress a = t.address(MemAddress.class);
                    Object v = device.values.get(a.name());
                    if (device.unknown.contains(a.name()) || v == null) {
                        out.add(t.bad(UNKNOWN_ITEM, now));
                    } else {
                        out.add(t.good(a.type().convert(v), now));
                    }
                }
                f.complete(out);
            }, loop);
            return f;
        }

        @Override
        public CompletableFuture<List<Status>> write(PlannedWrite write) {
            CompletableFuture<List<Status>> f = new CompletableFuture<>();
            if (!open) {
                f.completeExceptionally(new ConnectionLostException("closed", null));
                return f;
            }
            pending.add(f);
            f.whenComplete((v, e) -> pending.remove(f));
            loop.execute(() -> {
                for (BoundWrite w : write.writes()) {
                    if (device.refused.contains(w.address(MemAddress.class).name())) {
                        f.completeExceptionally(new DeviceException("write", ILLEGAL_ADDRESS));
                        return;
                    }
                }
                List<Status> out = new ArrayList<>();
                for (BoundWrite w : write.writes()) {
                    String n = w.address(MemAddress.class).name();
                    if (device.readOnly.contains(n)) {
                        out.add(READ_ONLY);
                    } else {
                        device.values.put(n, w.value());
                        out.add(Status.GOOD);
                    }
                }
                f.complete(out);
            });
            return f;
        }

        @Override
        public CompletableFuture<NativeSubscription> subscribe(List<BoundTag> tags, SubscriptionOptions options,
                SubscriptionSink sink) {
            MemSink m = new MemSink(tags, sink, context);
            device.sinks.add(m);
            for (BoundTag t : tags) {
                Object v = device.values.get(t.address(MemAddress.class).name());
                if (v != null) {
                    m.push(t.address(MemAddress.class).name(), v);
                }
            }
            return CompletableFuture.completedFuture(() -> {
                device.sinks.remove(m);
                return CompletableFuture.completedFuture(null);
            });
        }

        @Override
        public CompletableFuture<Void> close() {
            open = false;
            device.connections.remove(this);
            for (CompletableFuture<?> f : pending) {
                f.completeExceptionally(new ConnectionLostException("closed on request", null));
            }
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A native subscription's delivery end. */
    static final class MemSink implements SubscriptionSink {
        private final List<BoundTag> tags;
        private final SubscriptionSink target;
        private final DriverContext context;

        MemSink(List<BoundTag> tags, SubscriptionSink target, DriverContext context) {
            this.tags = tags;
            this.target = target;
            this.context = context;
        }

        void push(String name, Object value) {
            for (BoundTag t : tags) {
                MemAddress a = t.address(MemAddress.class);
                if (a.name().equals(name)) {
                    target.value(t.good(a.type().convert(value), context.io().clock().instant()));
                }
            }
        }

        @Override
        public void value(TagValue<?> value) {
            target.value(value);
        }

        @Override
        public void gap(dev.otsdk.api.Gap gap) {
            target.gap(gap);
        }

        @Override
        public void failed(dev.otsdk.api.OtException error) {
            target.failed(error);
        }
    }
}
