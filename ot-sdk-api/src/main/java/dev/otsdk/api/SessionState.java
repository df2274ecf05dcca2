package dev.otsdk.api;

/** Where a session is in its life. */
public enum SessionState {
    /** The first connection is being made. */
    CONNECTING,
    /** Connected; requests are served. */
    CONNECTED,
    /** The connection dropped; the session is trying again with back-off. Requests fail fast. */
    RECONNECTING,
    /** Closed by the application, or reconnecting gave up. Final. */
    CLOSED
}
