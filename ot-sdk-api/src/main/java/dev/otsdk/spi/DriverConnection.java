package dev.otsdk.spi;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.Capability;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.Status;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.UnsupportedCapabilityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One live connection of a driver. Thread-safe. Every operation must end: drivers enforce the session's
 * request timeout themselves (e.g. with {@link InFlightWindow}); the runtime adds a generous backstop.
 * When the connection drops, pending operations fail with a
 * {@link dev.otsdk.api.ConnectionLostException} and the driver calls
 * {@link ConnectionListener#closed(Throwable)}.
 */
public interface DriverConnection {

    /** @return the planner for this connection (limits may depend on what was negotiated) */
    RequestPlanner planner();

    /**
     * Whether every future this connection returns is guaranteed to complete within the session's
     * request timeout (plus the time needed to notice a dropped connection), e.g. because requests go
     * through an {@link InFlightWindow} or a client library with its own request timeout. If not, the
     * runtime watches each call with a backstop that fails it after twice the request timeout plus a
     * second; declaring it saves that cost on every request. The backstop completes the driver's future
     * exceptionally, which drivers must tolerate.
     *
     * @return {@code true} if the connection enforces request timeouts itself; {@code false} by default
     */
    default boolean enforcesTimeouts() {
        return false;
    }

    /**
     * Executes a planned read.
     *
     * @param read a request from {@link #planner()}
     * @return one value per {@code read.tags()} entry, in order (BAD for per-item errors); or a future
     *     failed with a {@link dev.otsdk.api.DeviceException} when the device refused the whole request
     */
    CompletableFuture<List<TagValue<?>>> read(PlannedRead read);

    /**
     * Executes a planned write.
     *
     * @param write a request from {@link #planner()}
     * @return one status per {@code write.writes()} entry, in order; or a future failed with a
     *     {@link dev.otsdk.api.DeviceException} when the device refused the whole request
     */
    CompletableFuture<List<Status>> write(PlannedWrite write);

    /**
     * Creates a native subscription ({@link Capability#NATIVE_SUBSCRIPTIONS}).
     *
     * @param tags the tags
     * @param options the options
     * @param sink where to deliver
     * @return the subscription
     */
    default CompletableFuture<NativeSubscription> subscribe(List<BoundTag> tags, SubscriptionOptions options,
            SubscriptionSink sink) {
        return CompletableFuture.failedFuture(new UnsupportedCapabilityException(Capability.NATIVE_SUBSCRIPTIONS,
                getClass().getSimpleName()));
    }

    /**
     * Browses ({@link Capability#BROWSE}).
     *
     * @param node a node address, or empty for the root
     * @return the children
     */
    default CompletableFuture<List<BrowseNode>> browse(String node) {
        return CompletableFuture.failedFuture(new UnsupportedCapabilityException(Capability.BROWSE,
                getClass().getSimpleName()));
    }

    /**
     * Identifies the device ({@link Capability#DEVICE_INFO}).
     *
     * @return what the device says
     */
    default CompletableFuture<DeviceInfo> deviceInfo() {
        return CompletableFuture.failedFuture(new UnsupportedCapabilityException(Capability.DEVICE_INFO,
                getClass().getSimpleName()));
    }

    /**
     * Closes the connection, failing pending operations. Idempotent. Must not call
     * {@link ConnectionListener#closed(Throwable)} with a cause, since the close was requested.
     *
     * @return completes when closed
     */
    CompletableFuture<Void> close();
}
