package dev.otsdk.internal;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.SessionStateListener;
import dev.otsdk.api.StateChange;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.Timeouts;
import io.netty.util.Timeout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnect supervisor: owns a session's live connection and its state (CONNECTING, CONNECTED,
 * RECONNECTING, CLOSED). After a drop it reconnects with the session's {@link ReconnectPolicy}; it never
 * retries security failures; it gives up after the policy's attempt limit. Requests get the live
 * connection from {@link #current()}, which fails fast while not connected.
 *
 * <p>State changes go to listeners in order on the callback threads; the {@link Observer} (polling
 * engine, native subscriptions) is told synchronously and must not block.
 */
final class ConnectionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);

    /** Told about connectivity, synchronously; must not block. */
    interface Observer {
        /**
         * @param connection the live connection
         * @param sameConnection true if the driver recovered the previous connection itself
         * @param downSince when connectivity was lost, {@code null} for the first connection
         * @param downCause why it was lost, or {@code null}
         */
        void connected(DriverConnection connection, boolean sameConnection, Instant downSince, Throwable downCause);

        /**
         * @param at when it was lost
         * @param cause why
         */
        void disconnected(Instant at, Throwable cause);

        /** @param cause why the session closed, {@code null} if closed on request */
        void closed(Throwable cause);
    }

    private final String uri;
    private final DriverSession driver;
    private final SessionOptions options;
    private final IoRuntime io;
    private final Observer observer;
    private final SerialExecutor events;
    private final List<SessionStateListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private volatile SessionState state = SessionState.CONNECTING;
    private volatile DriverConnection current;
    private int generation;
    private int attempt;
    private Timeout retry;
    private Instant downSince;
    private Throwable lastError;
    private boolean everConnected;

    ConnectionSupervisor(String uri, DriverSession driver, SessionOptions options, IoRuntime io, Observer observer) {
        this.uri = uri;
        this.driver = driver;
        this.options = options;
        this.io = io;
        this.observer = observer;
        this.events = new SerialExecutor(io.callbackExecutor());
        this.listeners.addAll(options.stateListeners());
    }

    void addListener(SessionStateListener l) {
        listeners.add(l);
    }

    void removeListener(SessionStateListener l) {
        listeners.remove(l);
    }

    SessionState state() {
        return state;
    }

    /** Starts the first connection attempt; completes when connected, fails (and closes) if it fails. */
    CompletableFuture<Void> start() {
        synchronized (this) {
            transition(SessionState.CONNECTING, 0, null);
        }
        attemptConnect();
        return firstConnect;
    }

    /**
     * @return the live connection
     * @throws ConnectionLostException while connecting or reconnecting
     * @throws SessionClosedException once closed
     */
    DriverConnection current() {
        DriverConnection c = current;
        SessionState s = state;
        if (c != null && s == SessionState.CONNECTED) {
            return c;
        }
        synchronized (this) {
            if (state == SessionState.CONNECTED && current != null) {
                return current;
            }
            if (state == SessionState.CLOSED) {
                throw new SessionClosedException("session " + uri + " is closed"
                        + (lastError == null ? "" : ": " + lastError.getMessage()), lastError);
            }
            if (state == SessionState.CONNECTING) {
                throw new ConnectionLostException("session " + uri + " is not connected yet", null);
            }
            throw new ConnectionLostException("session " + uri + " is reconnecting"
                    + (attempt > 0 ? " (attempt " + attempt + ")" : "")
                    + (lastError == null ? "" : "; connection lost: " + lastError.getMessage()), lastError);
        }
    }

    private void attemptConnect() {
        int gen;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            gen = ++generation;
        }
        CompletableFuture<DriverConnection> raw;
        try {
            raw = driver.connect(new Listener(gen));
        } catch (RuntimeException e) {
            raw = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<DriverConnection> attemptFuture = raw;
        Timeouts.within(raw, io.timer(), options.connectTimeout(), "connect to " + uri).whenComplete((c, e) -> {
            if (e != null) {
                attemptFuture.thenAccept(DriverConnection::close); // arrived after the timeout
            }
            onAttempt(gen, c, e == null ? null : Timeouts.unwrap(e));
        });
    }

    private void onAttempt(int gen, DriverConnection conn, Throwable err) {
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (gen != generation || state == SessionState.CLOSED) {
                if (conn != null) {
                    conn.close();
                }
                return;
            }
            if (err == null) {
                current = conn;
                everConnected = true;
                attempt = 0;
                Instant since = downSince;
                Throwable cause = lastError;
                downSince = null;
                transition(SessionState.CONNECTED, 0, null);
                after.add(() -> observer.connected(conn, false, since, cause));
                after.add(() -> firstConnect.complete(null));
            } else {
                lastError = err;
                ReconnectPolicy p = options.reconnect();
                if (!everConnected) {
                    after.addAll(giveUp(err));
                    after.add(() -> firstConnect.completeExceptionally(err));
                } else if (err instanceof OtSecurityException) {
                    LOG.warn("{}: not retrying after a security failure: {}", uri, err.getMessage());
                    after.addAll(giveUp(err));
                } else if (p.maxAttempts() > 0 && attempt >= p.maxAttempts()) {
                    LOG.warn("{}: giving up after {} reconnect attempts: {}", uri, attempt, err.getMessage());
                    lastError = new ConnectionLostException("gave up reconnecting to " + uri + " after " + attempt
                            + " attempts: " + err.getMessage(), err);
                    after.addAll(giveUp(lastError));
                } else {
                    LOG.debug("{}: reconnect attempt {} failed: {}", uri, attempt, err.toString());
                    transition(SessionState.RECONNECTING, attempt, err);
                    attempt++;
                    scheduleRetry();
                }
            }
        }
        after.forEach(Runnable::run);
    }

    /** Caller holds the lock. */
    private void scheduleRetry() {
        Duration delay = options.reconnect().delayBefore(attempt, ThreadLocalRandom.current().nextDouble());
        try {
            retry = io.timer().newTimeout(t -> attemptConnect(), Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException timerStopped) {
            LOG.debug("{}: client is closing, no more reconnect attempts", uri);
        }
    }

    /** Caller holds the lock; returns what to run after releasing it. */
    private List<Runnable> giveUp(Throwable cause) {
        current = null;
        transition(SessionState.CLOSED, attempt, cause);
        return List.of(() -> observer.closed(cause), driver::close, () -> closed.complete(null));
    }

    CompletableFuture<Void> close() {
        DriverConnection c;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return closed;
            }
            c = current;
            current = null;
            generation++;
            if (retry != null) {
                retry.cancel();
            }
            lastError = null;
            transition(SessionState.CLOSED, 0, null);
        }
        observer.closed(null);
        if (!firstConnect.isDone()) {
            firstConnect.completeExceptionally(new SessionClosedException("session " + uri
                    + " was closed while connecting", null));
        }
        CompletableFuture<Void> closing = c == null ? CompletableFuture.completedFuture(null)
                : Timeouts.within(safeClose(c), io.timer(), options.connectTimeout(), "close " + uri);
        closing.whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("{}: close did not finish cleanly: {}", uri, e.toString());
            }
            try {
                driver.close();
            } finally {
                closed.complete(null);
            }
        });
        return closed;
    }

    private static CompletableFuture<Void> safeClose(DriverConnection c) {
        try {
            return c.close();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Caller holds the lock. */
    private void transition(SessionState next, int attemptNo, Throwable cause) {
        SessionState prev = state;
        state = next;
        StateChange change = new StateChange(prev, next, io.clock().instant(), attemptNo, cause);
        if (next == SessionState.RECONNECTING || next == SessionState.CLOSED && cause != null) {
            LOG.info("{}: {} -> {}{}", uri, prev, next, cause == null ? "" : " (" + cause.getMessage() + ")");
        } else {
            LOG.debug("{}: {} -> {}", uri, prev, next);
        }
        events.execute(() -> {
            for (SessionStateListener l : listeners) {
                try {
                    l.onStateChange(change);
                } catch (RuntimeException e) {
                    LOG.warn("{}: state listener failed", uri, e);
                }
            }
        });
    }

    /** Connection health reports from one connection attempt's generation. */
    private final class Listener implements ConnectionListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void closed(Throwable cause) {
            List<Runnable> after = new ArrayList<>();
            synchronized (ConnectionSupervisor.this) {
                if (gen != generation || current == null || state == SessionState.CLOSED) {
                    return;
                }
                Throwable why = cause != null ? cause : new ConnectionLostException("connection to " + uri
                        + " closed by the peer", null);
                current = null;
                Instant now = io.clock().instant();
                if (downSince == null) {
                    downSince = now;
                }
                lastError = why;
                after.add(() -> observer.disconnected(now, why));
                if (!options.reconnect().enabled()) {
                    after.addAll(giveUp(why));
                } else {
                    transition(SessionState.RECONNECTING, 0, why);
                    attempt = 1;
                    scheduleRetry();
                }
            }
            after.forEach(Runnable::run);
        }

        @Override
        public void interrupted(Throwable cause) {
            Instant now;
            synchronized (ConnectionSupervisor.this) {
                if (gen != generation || state != SessionState.CONNECTED) {
                    return;
                }
                now = io.clock().instant();
                downSince = now;
                lastError = cause;
                transition(SessionState.RECONNECTING, 0, cause);
            }
            observer.disconnected(now, cause);
        }

        @Override
        public void resumed() {
            DriverConnection c;
            Instant since;
            Throwable cause;
            synchronized (ConnectionSupervisor.this) {
                if (gen != generation || state != SessionState.RECONNECTING || current == null) {
                    return;
                }
                c = current;
                since = downSince;
                cause = lastError;
                downSince = null;
                transition(SessionState.CONNECTED, 0, null);
            }
            observer.connected(c, true, since, cause);
        }
    }
}
