package dev.otsdk.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.Gap;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.NativeSubscription;
import dev.otsdk.spi.SubscriptionSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription with one monitored item per tag. When Milo reports that the subscription could not be
 * transferred to a new session, or that the server dropped it, it is created again with the same items
 * and a {@link Gap} with {@link Gap.Reason#SUBSCRIPTION_RECREATED} is reported; the re-created items
 * then deliver every tag's current value. Notifications are handed to the sink without blocking Milo.
 */
final class MonitoredSubscription implements NativeSubscription, OpcUaSubscription.SubscriptionListener {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredSubscription.class);
    private static final long RETRY_SECONDS = 5;
    private static final long FIRST_RESPONSE_SLACK_MS = 1000;

    private final OpcUaConnection connection;
    private final List<BoundTag> tags;
    private final SubscriptionOptions options;
    private final SubscriptionSink sink;
    private final OpcUaSubscription subscription;
    private final Object lock = new Object();
    private volatile boolean closed;
    private boolean recreatePending;
    private boolean recreating;
    /** Whether the current loss was reported; only touched by one re-creation at a time. */
    private volatile boolean gapReported;
    /** Publish responses (data or keep-alive) received for this subscription, to notice silence. */
    private final AtomicLong responses = new AtomicLong();

    MonitoredSubscription(OpcUaConnection connection, List<BoundTag> tags, SubscriptionOptions options,
            SubscriptionSink sink) {
        this.connection = connection;
        this.tags = List.copyOf(tags);
        this.options = options;
        this.sink = sink;
        this.subscription = new OpcUaSubscription(connection.client(), millis(options.publishingInterval()));
        this.subscription.setSubscriptionListener(this);
    }

    private static double millis(java.time.Duration d) {
        return d.toNanos() / 1_000_000d;
    }

    CompletableFuture<NativeSubscription> start() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                addItems();
                createOnServer();
                expectFirstResponse();
                return (NativeSubscription) this;
            } catch (UaException e) {
                throw new CompletionException(Failures.request(e, "subscribe to " + tags.size() + " tags",
                        connection.settings().requestTimeout()));
            }
        }, SharedMiloResources.blockingCalls());
    }

    private void addItems() {
        Instant now = connection.io().clock().instant();
        List<OpcUaMonitoredItem> items = new ArrayList<>(tags.size());
        for (BoundTag t : tags) {
            NodeAddress a = t.address(NodeAddress.class);
            Optional<NodeId> id = connection.nodes().resolve(a);
            if (id.isEmpty()) {
                sink.value(t.bad(OpcUaConnection.unknownNamespace(a), now));
                continue;
            }
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(id.get());
            item.setSamplingInterval(millis(options.interval()));
            item.setQueueSize(uint(options.queueSize()));
            item.setDiscardOldest(options.discardOldest());
            item.setFilter(filter(a.type()));
            item.setUserObject(t);
            items.add(item);
        }
        subscription.addMonitoredItems(items);
    }

    private DataChangeFilter filter(DataType<?> type) {
        Deadband d = options.deadband();
        boolean numeric = type.kind().isNumeric() || type.kind() == DataType.Kind.AUTO;
        DeadbandType deadband = !numeric || d.kind() == Deadband.Kind.NONE ? DeadbandType.None
                : d.kind() == Deadband.Kind.ABSOLUTE ? DeadbandType.Absolute : DeadbandType.Percent;
        DataChangeTrigger trigger = options.changesOnly() ? DataChangeTrigger.StatusValue
                : DataChangeTrigger.StatusValueTimestamp;
        if (deadband == DeadbandType.None && trigger == DataChangeTrigger.StatusValue) {
            return null;
        }
        return new DataChangeFilter(trigger, uint(deadband.getValue()),
                deadband == DeadbandType.None ? 0d : d.value());
    }

    /** Creates the subscription and its items on the server; blocking, on the blocking-call pool. */
    private void createOnServer() throws UaException {
        if (subscription.getSyncState() == OpcUaSubscription.SyncState.INITIAL) {
            subscription.create();
        }
        List<MonitoredItemServiceOperationResult> results = subscription.createMonitoredItems();
        List<MonitoredItemServiceOperationResult> retry = new ArrayList<>();
        for (MonitoredItemServiceOperationResult r : results) {
            if (!r.serviceResult().isGood()) {
                throw new UaException(r.serviceResult());
            }
            long code = r.operationResult().map(StatusCode::value).orElse(0L);
            BoundTag t = (BoundTag) r.monitoredItem().getUserObject().orElseThrow();
            if (isFilterRefused(code) && t.address().type().kind() == DataType.Kind.AUTO) {
                // An auto tag turned out not to be numeric: a deadband does not apply, report every change.
                r.monitoredItem().setFilter(null);
                retry.add(r);
            } else if (StatusCode.of(code).isBad()) {
                sink.value(t.bad(Statuses.of(code), connection.io().clock().instant()));
            }
        }
        if (!retry.isEmpty()) {
            for (MonitoredItemServiceOperationResult r : subscription.createMonitoredItems()) {
                long code = r.operationResult().map(StatusCode::value).orElse(r.serviceResult().value());
                if (StatusCode.of(code).isBad()) {
                    BoundTag t = (BoundTag) r.monitoredItem().getUserObject().orElseThrow();
                    sink.value(t.bad(Statuses.of(code), connection.io().clock().instant()));
                }
            }
        }
    }

    /**
     * A new subscription's first publish response carries its items' initial values and comes within a
     * publishing interval or two. If none has come well after that, Milo's client has stopped sending
     * Publish requests (see {@link OpcUaConnection#restartPublishing}), and it is made to start again
     * rather than leaving the subscription silent until its keep-alive watchdog, or for ever.
     */
    private void expectFirstResponse() {
        long before = responses.get();
        long window = 2 * options.publishingInterval().toMillis() + options.interval().toMillis() + FIRST_RESPONSE_SLACK_MS;
        try {
            connection.io().timer().newTimeout(t -> {
                if (!closed && responses.get() == before) {
                    connection.restartPublishing("a new subscription heard nothing from the server within " + window
                            + " ms");
                }
            }, window, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException timerStopped) {
            LOG.debug("{}: client closing, not watching the subscription", connection.settings().uri());
        }
    }

    private static boolean isFilterRefused(long code) {
        return code == StatusCodes.Bad_FilterNotAllowed || code == StatusCodes.Bad_MonitoredItemFilterUnsupported
                || code == StatusCodes.Bad_DeadbandFilterInvalid;
    }

    // ---- Milo's notifications, on Milo's executor; nothing here blocks

    @Override
    public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
        responses.incrementAndGet();
        if (closed) {
            return;
        }
        Instant now = connection.io().clock().instant();
        for (int i = 0; i < items.size(); i++) {
            Object user = items.get(i).getUserObject().orElse(null);
            if (!(user instanceof BoundTag t)) {
                continue;
            }
            DataValue dv = values.get(i);
            if (dv.getStatusCode() != null && dv.getStatusCode().isOverflowSet()) {
                sink.gap(new Gap(now, now, Gap.Reason.DEVICE_QUEUE_OVERFLOW, 0, "the server's queue for " + t.tag()
                        + " overflowed: samples were discarded (queueSize " + options.queueSize() + ")"));
            }
            sink.value(OpcUaConnection.toTagValue(t, dv, now));
        }
    }

    @Override
    public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
        recreate("the subscription could not be transferred to the new session (" + Statuses.name(status.value())
                + ")");
    }

    @Override
    public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
        if (status.value() == StatusCodes.Bad_Timeout) {
            recreate("the server dropped the subscription (Bad_Timeout)");
        }
    }

    @Override
    public void onNotificationDataLost(OpcUaSubscription s) {
        Instant now = connection.io().clock().instant();
        Instant from = connection.lastLoss() != null ? connection.lastLoss() : now;
        sink.gap(new Gap(from, now, Gap.Reason.CONNECTION_LOST, 0, "notifications were lost while the connection"
                + " was interrupted and the server could not send them again"));
    }

    @Override
    public void onKeepAliveReceived(OpcUaSubscription s) {
        responses.incrementAndGet();
    }

    @Override
    public void onWatchdogTimerElapsed(OpcUaSubscription s) {
        if (!closed) {
            connection.restartPublishing("no publish response within a subscription's keep-alive window");
        }
    }

    /** The session is active again: finish a re-creation that failed while it was down. */
    void sessionActive() {
        boolean again;
        synchronized (lock) {
            again = recreatePending && !recreating;
        }
        if (again) {
            recreate("the subscription was lost with the session");
        }
    }

    private void recreate(String why) {
        synchronized (lock) {
            if (closed || recreating) {
                recreatePending = !closed;
                return;
            }
            recreating = true;
            recreatePending = false;
        }
        if (!gapReported) { // once per loss, not once per attempt
            gapReported = true;
            Instant now = connection.io().clock().instant();
            Instant from = connection.lastLoss() != null ? connection.lastLoss() : now;
            sink.gap(new Gap(from, now, Gap.Reason.SUBSCRIPTION_RECREATED, 0, why));
        }
        SharedMiloResources.blockingCalls().execute(() -> {
            boolean failed = false;
            try {
                if (!closed) {
                    createOnServer();
                    expectFirstResponse();
                    gapReported = false;
                    LOG.info("{}: re-created a subscription of {} items: {}", connection.settings().uri(),
                            tags.size(), why);
                }
            } catch (UaException | RuntimeException e) {
                failed = true;
                LOG.debug("{}: re-creating the subscription failed, retrying when the session is back: {}",
                        connection.settings().uri(), e.toString());
            } finally {
                synchronized (lock) {
                    recreating = false;
                    recreatePending |= failed;
                }
                if (failed && !closed) {
                    retryLater();
                }
            }
        });
    }

    /**
     * A re-creation can also fail while the session stays up (e.g. the server is short of resources); then
     * no session event would ever retry it, so try again after a pause.
     */
    private void retryLater() {
        try {
            connection.io().timer().newTimeout(t -> sessionActive(), RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalStateException timerStopped) {
            LOG.debug("{}: client closing, not retrying the subscription", connection.settings().uri());
        }
    }

    @Override
    public CompletableFuture<Void> close() {
        closed = true;
        connection.forget(this);
        return CompletableFuture.runAsync(() -> {
            if (subscription.getSyncState() != OpcUaSubscription.SyncState.INITIAL && !connection.isClosed()) {
                try {
                    subscription.delete();
                } catch (UaException | RuntimeException e) {
                    LOG.debug("deleting a subscription failed: {}", e.toString());
                }
            }
        }, SharedMiloResources.blockingCalls());
    }
}
