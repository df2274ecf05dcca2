package dev.otsdk.opcua.internal;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.Quality;
import dev.otsdk.api.Status;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.ValueConversionException;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.NativeSubscription;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import dev.otsdk.spi.RequestPlanner;
import dev.otsdk.spi.SubscriptionSink;
import dev.otsdk.spi.Timeouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Milo client with an active session. Milo keeps the session alive and recovers it after network
 * trouble by itself (reconnecting the channel, re-activating or re-creating the session, transferring
 * subscriptions); this class reports that to the runtime as interrupted and resumed instead of closed.
 */
final class OpcUaConnection implements DriverConnection, RequestPlanner, SessionActivityListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaConnection.class);
    private static final long BAD_TYPE_MISMATCH = StatusCodes.Bad_TypeMismatch;

    private final OpcUaClient client;
    private final OpcUaSettings settings;
    private final IoRuntime io;
    private final ConnectionListener listener;
    private final OperationLimitsReader.Limits limits;
    private final EndpointDescription endpoint;
    private final Nodes nodes;
    private final int readChunk;
    private final int writeChunk;
    private static final double PROBE_PUBLISHING_MILLIS = 1000;

    private final Set<MonitoredSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    /** The current value's Milo type of nodes written with auto tags. */
    private final ConcurrentHashMap<NodeId, Object> writeSamples = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile boolean interrupted;
    private volatile Instant lastLoss;
    private final AtomicBoolean restartingPublishing = new AtomicBoolean();

    OpcUaConnection(OpcUaClient client, OpcUaSettings settings, IoRuntime io, ConnectionListener listener,
            OperationLimitsReader.Limits limits, EndpointDescription endpoint) {
        this.client = client;
        this.settings = settings;
        this.io = io;
        this.listener = listener;
        this.limits = limits;
        this.endpoint = endpoint;
        this.nodes = new Nodes(client.getNamespaceTable());
        this.readChunk = Planned.effective(limits.read(), settings.maxNodesPerRequest());
        this.writeChunk = Planned.effective(limits.write(), settings.maxNodesPerRequest());
        client.addSessionActivityListener(this);
    }

    OpcUaClient client() {
        return client;
    }

    IoRuntime io() {
        return io;
    }

    OpcUaSettings settings() {
        return settings;
    }

    Nodes nodes() {
        return nodes;
    }

    OperationLimitsReader.Limits limits() {
        return limits;
    }

    EndpointDescription endpoint() {
        return endpoint;
    }

    /** @return when the session was last lost, or {@code null} if never */
    Instant lastLoss() {
        return lastLoss;
    }

    boolean isClosed() {
        return closed;
    }

    void forget(MonitoredSubscription s) {
        subscriptions.remove(s);
    }

    /**
     * Makes Milo send Publish requests again. Milo 1.1.2's client stops sending them when Publish
     * requests answered {@code Bad_NoSubscription} (the session's last subscription was just deleted)
     * are processed after a new subscription was added: the new subscription then receives nothing
     * until another subscription is added or removed. Adding and removing a short-lived subscription is
     * such an event, through Milo's public API; it costs two round trips and only runs when a
     * subscription heard nothing for longer than it should have.
     *
     * @param why what was noticed, for the log
     */
    void restartPublishing(String why) {
        if (closed || interrupted || !restartingPublishing.compareAndSet(false, true)) {
            return;
        }
        try {
            SharedMiloResources.blockingCalls().execute(() -> {
                try {
                    OpcUaSubscription probe = new OpcUaSubscription(client, PROBE_PUBLISHING_MILLIS);
                    probe.create();
                    probe.delete();
                    LOG.info("{}: {}; restarted Milo's publishing", settings.uri(), why);
                } catch (UaException | RuntimeException e) {
                    LOG.debug("{}: restarting publishing failed: {}", settings.uri(), e.toString());
                } finally {
                    restartingPublishing.set(false);
                }
            });
        } catch (RejectedExecutionException shutDown) {
            restartingPublishing.set(false);
        }
    }

    // ---- session health, from Milo's executor

    @Override
    public void onSessionInactive(UaSession session) {
        if (closed) {
            return;
        }
        lastLoss = io.clock().instant();
        interrupted = true;
        ConnectionLostException cause = new ConnectionLostException("the OPC UA session with " + settings.uri()
                + " was lost", null);
        if (!settings.reconnect()) {
            closed = true;
            client.removeSessionActivityListener(this);
            client.disconnectAsync();
            listener.closed(cause);
            return;
        }
        LOG.debug("{}: session inactive, Milo is re-establishing it", settings.uri());
        listener.interrupted(cause);
    }

    @Override
    public void onSessionActive(UaSession session) {
        if (closed || !interrupted) {
            return; // the first activation, before this listener mattered
        }
        interrupted = false;
        for (MonitoredSubscription s : subscriptions) {
            s.sessionActive();
        }
        listener.resumed();
    }

    // ---- planning

    @Override
    public RequestPlanner planner() {
        return this;
    }

    /** Reads and writes carry Milo's request timeout (the session's), enforced on the shared wheel timer. */
    @Override
    public boolean enforcesTimeouts() {
        return true;
    }

    @Override
    public List<Planned.Read> planReads(List<BoundTag> tags) {
        return Planned.chunks(tags, readChunk).stream().map(Planned.Read::new).toList();
    }

    @Override
    public List<Planned.Write> planWrites(List<BoundWrite> writes) {
        return Planned.chunks(writes, writeChunk).stream().map(Planned.Write::new).toList();
    }

    // ---- read

    @Override
    public CompletableFuture<List<TagValue<?>>> read(PlannedRead read) {
        List<BoundTag> tags = read.tags();
        List<ReadValueId> ids = new ArrayList<>(tags.size());
        int[] position = new int[tags.size()];
        TagValue<?>[] out = new TagValue<?>[tags.size()];
        Instant now = io.clock().instant();
        for (int i = 0; i < tags.size(); i++) {
            BoundTag t = tags.get(i);
            Optional<NodeId> id = nodes.resolve(t.address(NodeAddress.class));
            if (id.isEmpty()) {
                out[i] = t.bad(unknownNamespace(t.address(NodeAddress.class)), now);
                position[i] = -1;
                continue;
            }
            position[i] = ids.size();
            ids.add(new ReadValueId(id.get(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE));
        }
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(out));
        }
        if (interrupted) {
            return CompletableFuture.failedFuture(lost(describe("read", tags.size(), tags.get(0).tag())));
        }
        // Milo times each request out itself (request timeout as timeoutHint, on the shared wheel timer).
        return client.readAsync(0, TimestampsToReturn.Both, ids)
                .handle((response, err) -> {
                    if (err != null) {
                        throw new java.util.concurrent.CompletionException(Failures.request(err,
                                describe("read", tags.size(), tags.get(0).tag()), settings.requestTimeout()));
                    }
                    DataValue[] results = response.getResults();
                    Instant received = io.clock().instant();
                    for (int i = 0; i < tags.size(); i++) {
                        if (position[i] >= 0) {
                            out[i] = toTagValue(tags.get(i), results[position[i]], received);
                        }
                    }
                    return List.of(out);
                });
    }

    /**
     * Converts a DataValue for a tag.
     *
     * @param t the tag
     * @param dv the value
     * @param received when it arrived
     * @return the tag value; a value the tag's declared type cannot hold is BAD with {@code Bad_TypeMismatch}
     *     and a description naming the tag, the declared and the server's type, so one mistyped tag does
     *     not fail the other tags of a read
     */
    static TagValue<?> toTagValue(BoundTag t, DataValue dv, Instant received) {
        StatusCode sc = dv.getStatusCode() == null ? StatusCode.GOOD : dv.getStatusCode();
        Quality quality = Statuses.quality(sc);
        Object value = null;
        if (quality != Quality.BAD) {
            try {
                value = ValueCodec.decode(t.tag(), t.address().type(), dv.getValue().getValue());
            } catch (ValueConversionException e) {
                return t.value(null, Quality.BAD, Statuses.of(BAD_TYPE_MISMATCH, e.getMessage()), instant(
                        dv.getSourceTime()), instant(dv.getServerTime()), received);
            }
        }
        Status status = quality == Quality.GOOD && (sc.value() & 0xFFFF_0000L) == 0 ? Status.GOOD : Statuses.of(sc);
        return t.value(value, quality, status, instant(dv.getSourceTime()), instant(dv.getServerTime()), received);
    }

    private static Instant instant(DateTime t) {
        return t == null || t.isNull() || t.getUtcTime() <= 0 ? null : t.getJavaInstant();
    }

    /** Milo would hold a request until the session is back; the runtime wants it to fail fast. */
    private ConnectionLostException lost(String what) {
        return new ConnectionLostException(what + " on " + settings.uri() + ": the session is being re-established",
                null);
    }

    static Status unknownNamespace(NodeAddress a) {
        return Statuses.of(StatusCodes.Bad_NodeIdUnknown, "namespace '" + a.namespaceUri()
                + "' is not in the server's namespace table");
    }

    // ---- write

    @Override
    public CompletableFuture<List<Status>> write(PlannedWrite write) {
        List<BoundWrite> writes = write.writes();
        List<NodeId> needSample = new ArrayList<>();
        for (BoundWrite w : writes) {
            NodeAddress a = w.address(NodeAddress.class);
            if (a.type().kind() == DataType.Kind.AUTO) {
                nodes.resolve(a).filter(id -> !writeSamples.containsKey(id)).ifPresent(needSample::add);
            }
        }
        CompletableFuture<Void> sampled = needSample.isEmpty() ? CompletableFuture.completedFuture(null)
                : Timeouts.within(client.readValuesAsync(0, TimestampsToReturn.Neither, needSample), io.timer(),
                        settings.requestTimeout(), "read the types of auto tags on " + settings.uri())
                        .thenAccept(values -> {
                            for (int i = 0; i < values.size(); i++) {
                                Object v = values.get(i).getValue().getValue();
                                if (v != null) {
                                    writeSamples.put(needSample.get(i), v);
                                }
                            }
                        });
        return sampled.thenCompose(v -> sendWrites(writes)).handle((r, err) -> {
            if (err != null) {
                Throwable t = Timeouts.unwrap(err);
                throw new java.util.concurrent.CompletionException(t instanceof ValueConversionException ? t
                        : Failures.request(t, describe("write", writes.size(), writes.get(0).tag()),
                                settings.requestTimeout()));
            }
            return r;
        });
    }

    /** Describes a request for messages; only called when something failed. */
    private static String describe(String verb, int count, dev.otsdk.api.Tag<?> first) {
        return verb + " " + (count == 1 ? first.toString() : count + " tags from " + first);
    }

    private CompletableFuture<List<Status>> sendWrites(List<BoundWrite> writes) {
        Status[] out = new Status[writes.size()];
        int[] position = new int[writes.size()];
        List<WriteValue> values = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            BoundWrite w = writes.get(i);
            NodeAddress a = w.address(NodeAddress.class);
            Optional<NodeId> id = nodes.resolve(a);
            if (id.isEmpty()) {
                out[i] = unknownNamespace(a);
                position[i] = -1;
                continue;
            }
            Object encoded;
            if (a.type().kind() == DataType.Kind.AUTO) {
                Object sample = writeSamples.get(id.get());
                if (sample == null) {
                    out[i] = Statuses.of(StatusCodes.Bad_TypeMismatch, "the variable has no value to learn its"
                            + " type from: declare the tag's type");
                    position[i] = -1;
                    continue;
                }
                encoded = ValueCodec.encodeLike(w.tag(), sample, w.value());
            } else {
                encoded = ValueCodec.encode(w.value(), a.type());
            }
            position[i] = values.size();
            values.add(new WriteValue(id.get(), AttributeId.Value.uid(), null, DataValue.valueOnly(new Variant(encoded))));
        }
        if (values.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(out));
        }
        if (interrupted) {
            return CompletableFuture.failedFuture(lost(describe("write", writes.size(), writes.get(0).tag())));
        }
        return client.writeAsync(values).thenApply(response -> {
                    StatusCode[] results = response.getResults();
                    for (int i = 0; i < out.length; i++) {
                        if (position[i] >= 0) {
                            out[i] = Statuses.of(results[position[i]]);
                        }
                    }
                    return List.of(out);
                });
    }

    // ---- subscriptions, browse, info

    @Override
    public CompletableFuture<NativeSubscription> subscribe(List<BoundTag> tags, SubscriptionOptions options,
            SubscriptionSink sink) {
        MonitoredSubscription s = new MonitoredSubscription(this, tags, options, sink);
        subscriptions.add(s);
        return s.start().whenComplete((x, e) -> {
            if (e != null) {
                subscriptions.remove(s);
            }
        });
    }

    @Override
    public CompletableFuture<List<BrowseNode>> browse(String node) {
        return new Browser(this).browse(node);
    }

    @Override
    public CompletableFuture<DeviceInfo> deviceInfo() {
        return ServerInfo.read(this);
    }

    // ---- close

    @Override
    public CompletableFuture<Void> close() {
        if (closed) {
            return closeFuture;
        }
        closed = true;
        client.removeSessionActivityListener(this);
        subscriptions.clear();
        // disconnect() closes the session and deletes its subscriptions on the server.
        client.disconnectAsync().whenComplete((c, e) -> {
            if (e != null) {
                LOG.debug("{}: disconnect: {}", settings.uri(), e.toString());
            }
            closeFuture.complete(null);
        });
        return closeFuture;
    }
}
