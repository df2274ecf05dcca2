package dev.otsdk.api;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A connection to one device or server, kept alive across drops by reconnecting with back-off.
 * Thread-safe; every operation has a timeout.
 *
 * <p>Asynchronous methods return futures that complete on the client's callback threads, never on I/O
 * threads, so blocking in a continuation is safe (if wasteful). Blocking methods wait for the same
 * future and throw its {@link OtException} directly.
 *
 * <p>Reads and writes of many tags are planned by the protocol driver into the fewest requests the
 * device allows, and report one outcome per tag. Transport failures (timeout, connection lost) fail the
 * whole operation, because no per-tag outcome is known.
 */
public interface Session extends AutoCloseable {

    /** @return the URI this session connects to */
    String uri();

    /** @return the protocol's name, e.g. {@code Modbus} */
    String protocol();

    /** @return the current state */
    SessionState state();

    /** @return what this session can do beyond read, write and subscribe */
    Set<Capability> capabilities();

    /**
     * Adds a listener for state changes. Changes are delivered in order on the callback threads.
     *
     * @param listener the listener
     */
    void addStateListener(SessionStateListener listener);

    /**
     * Removes a listener added with {@link #addStateListener(SessionStateListener)}.
     *
     * @param listener the listener
     */
    void removeStateListener(SessionStateListener listener);

    /**
     * Reads one tag.
     *
     * @param tag the tag
     * @param <T> the value type
     * @return its value; check the quality or call {@link TagValue#value()}, which throws if BAD
     * @throws TagAddressException if the address is not valid for this protocol
     * @throws OtTimeoutException if the device did not answer in time
     * @throws ConnectionLostException if the connection is down or dropped
     * @throws SessionClosedException if the session is closed
     */
    <T> TagValue<T> read(Tag<T> tag);

    /**
     * Reads many tags in as few requests as the device allows.
     *
     * @param tags the tags, in the order results are wanted
     * @return one value per tag
     * @throws TagAddressException if an address is not valid for this protocol
     * @throws OtTimeoutException if the device did not answer in time
     * @throws ConnectionLostException if the connection is down or dropped
     * @throws SessionClosedException if the session is closed
     */
    ReadResult read(List<? extends Tag<?>> tags);

    /**
     * Reads one tag asynchronously.
     *
     * @param tag the tag
     * @param <T> the value type
     * @return its value, or a future failed with the exceptions {@link #read(Tag)} throws
     */
    <T> CompletableFuture<TagValue<T>> readAsync(Tag<T> tag);

    /**
     * Reads many tags asynchronously.
     *
     * @param tags the tags
     * @return one value per tag, or a future failed with the exceptions {@link #read(List)} throws
     */
    CompletableFuture<ReadResult> readAsync(List<? extends Tag<?>> tags);

    /**
     * Writes one tag and waits for the device's acknowledgement.
     *
     * @param tag the tag
     * @param value the value
     * @param <T> the value type
     * @throws DeviceException if the device refused the write, with its status
     * @throws ValueConversionException if the value does not fit the tag's type
     * @throws OtTimeoutException if the device did not answer in time (outcome unknown)
     * @throws ConnectionLostException if the connection dropped (outcome unknown) or is down
     * @throws SessionClosedException if the session is closed
     */
    <T> void write(Tag<T> tag, T value);

    /**
     * Writes many tags in as few requests as the device allows.
     *
     * @param writes the writes
     * @return one outcome per write
     * @throws ValueConversionException if a value does not fit its tag's type
     * @throws OtTimeoutException if the device did not answer in time (outcome unknown)
     * @throws ConnectionLostException if the connection dropped (outcome unknown) or is down
     * @throws SessionClosedException if the session is closed
     */
    WriteResult write(List<? extends TagWrite<?>> writes);

    /**
     * Writes one tag asynchronously.
     *
     * @param tag the tag
     * @param value the value
     * @param <T> the value type
     * @return completes when acknowledged, or fails as {@link #write(Tag, Object)} throws
     */
    <T> CompletableFuture<Void> writeAsync(Tag<T> tag, T value);

    /**
     * Writes many tags asynchronously.
     *
     * @param writes the writes
     * @return one outcome per write, or fails as {@link #write(List)} throws
     */
    CompletableFuture<WriteResult> writeAsync(List<? extends TagWrite<?>> writes);

    /**
     * Subscribes to tags: natively where the protocol has subscriptions, else by polling with coalesced
     * reads and change detection. The listener first receives every tag's current value.
     *
     * @param tags the tags
     * @param options sampling and reporting options
     * @param listener receives values and gaps
     * @return the running subscription
     * @throws TagAddressException if an address is not valid
     * @throws ConfigurationException if the options are not supported (e.g. percent deadband when polled)
     * @throws SessionClosedException if the session is closed
     */
    Subscription subscribe(List<? extends Tag<?>> tags, SubscriptionOptions options, SubscriptionListener listener);

    /**
     * Subscribes asynchronously; see {@link #subscribe(List, SubscriptionOptions, SubscriptionListener)}.
     *
     * @param tags the tags
     * @param options sampling and reporting options
     * @param listener receives values and gaps
     * @return the running subscription, or a failed future
     */
    CompletableFuture<Subscription> subscribeAsync(List<? extends Tag<?>> tags, SubscriptionOptions options,
            SubscriptionListener listener);

    /**
     * A {@link Flow.Publisher} view: each {@link Flow.Subscriber} gets its own subscription, honouring its
     * demand. Undelivered events beyond {@link SubscriptionOptions#bufferSize()} are dropped oldest-first
     * and reported as a {@link Gap}. The publisher completes when the session closes and signals
     * {@code onError} if the subscription fails.
     *
     * @param tags the tags
     * @param options sampling and reporting options
     * @return the publisher
     */
    Flow.Publisher<SubscriptionEvent> publisher(List<? extends Tag<?>> tags, SubscriptionOptions options);

    /**
     * Lists the children of a node ({@link Capability#BROWSE}).
     *
     * @param node a node address, or {@code null}/empty for the root
     * @return the children
     * @throws UnsupportedCapabilityException if the protocol cannot browse
     */
    List<BrowseNode> browse(String node);

    /**
     * Lists the children of a node asynchronously.
     *
     * @param node a node address, or {@code null}/empty for the root
     * @return the children, or a failed future
     */
    CompletableFuture<List<BrowseNode>> browseAsync(String node);

    /**
     * Asks the device to identify itself ({@link Capability#DEVICE_INFO}).
     *
     * @return what it says
     * @throws UnsupportedCapabilityException if the protocol or device cannot
     */
    DeviceInfo deviceInfo();

    /**
     * Asks the device to identify itself asynchronously.
     *
     * @return what it says, or a failed future
     */
    CompletableFuture<DeviceInfo> deviceInfoAsync();

    /**
     * Protocol-specific operations, e.g. raw Modbus PDUs ({@link Capability#PROTOCOL_EXTENSIONS}).
     *
     * @param type the protocol module's extension interface
     * @param <X> the extension type
     * @return the extension bound to this session
     * @throws UnsupportedCapabilityException if the protocol has no such extension
     */
    <X> X unwrap(Class<X> type);

    /** Closes the session, failing pending requests and ending subscriptions. Idempotent; bounded wait. */
    @Override
    void close();

    /**
     * Closes asynchronously.
     *
     * @return completes when closed
     */
    CompletableFuture<Void> closeAsync();
}
