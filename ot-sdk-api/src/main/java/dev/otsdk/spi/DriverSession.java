package dev.otsdk.spi;

import dev.otsdk.api.Capability;
import dev.otsdk.api.Tag;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The protocol side of one session. It outlives connections: the runtime calls
 * {@link #connect(ConnectionListener)} for the first connection and again after each drop.
 */
public interface DriverSession {

    /**
     * Parses and validates a tag's address for this protocol. Called once per tag and session; the
     * runtime caches the result.
     *
     * @param tag the tag
     * @return the parsed address
     * @throws dev.otsdk.api.TagAddressException naming the position and what was expected
     */
    TagAddress parse(Tag<?> tag);

    /** @return what this session can do beyond read, write and polled subscribe */
    Set<Capability> capabilities();

    /**
     * Makes one connection attempt. The runtime applies the connect timeout and closes a connection that
     * arrives after it.
     *
     * @param listener to report the connection's health to
     * @return the connection, or a future failed with a {@link dev.otsdk.api.ConnectionException} or
     *     {@link dev.otsdk.api.OtSecurityException}
     */
    CompletableFuture<DriverConnection> connect(ConnectionListener listener);

    /**
     * A protocol-specific extension for {@link dev.otsdk.api.Session#unwrap(Class)}, bound to the
     * session rather than to one connection: it must fetch the live connection from {@code access} for
     * every operation.
     *
     * @param type the requested extension interface
     * @param access the session's live connection and settings
     * @param <X> the extension type
     * @return the extension, or empty if this driver has none of that type
     */
    default <X> Optional<X> extension(Class<X> type, ConnectionAccess access) {
        return Optional.empty();
    }

    /** Releases session-level resources after the last connection closed. */
    default void close() {
    }
}
