package dev.otsdk.api;

import dev.otsdk.internal.ClientRuntime;
import dev.otsdk.spi.Driver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point: owns the threads, timer and defaults that all its sessions share. Create one per
 * application and close it on shutdown.
 *
 * <pre>{@code
 * try (OtClient ot = OtClient.create();
 *      Session plc = ot.connect("modbus+tcp://10.0.0.5?unit=1")) {
 *     TagValue<Float> v = plc.read(Tag.of("holding:100", DataType.FLOAT32));
 * }
 * }</pre>
 *
 * <p>Threads: one bounded group of I/O event-loop threads (named {@code otsdk-io-N}) serves every
 * session; a small bounded pool ({@code otsdk-callback-N}) runs listener callbacks and completes
 * futures; one timer thread ({@code otsdk-timer}) drives timeouts, back-off and polling. All are daemon
 * threads. There is never a thread per connection.
 *
 * <p>Protocols are found with {@link java.util.ServiceLoader} by URI scheme; add a protocol module
 * (e.g. {@code ot-sdk-modbus}) to the class or module path to use its schemes.
 */
public final class OtClient implements AutoCloseable {

    private final ClientRuntime runtime;

    private OtClient(Builder b) {
        this.runtime = new ClientRuntime(b.ioThreads, b.callbackThreads, b.defaults, b.clock, b.drivers,
                b.classLoader);
    }

    /** @return a client with default settings */
    public static OtClient create() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects and waits until connected.
     *
     * @param uri e.g. {@code modbus+tcp://10.0.0.5:502?unit=1}
     * @return the connected session
     * @throws ConfigurationException if the URI or an option is invalid or no driver handles the scheme
     * @throws ConnectionException if the connection cannot be made
     * @throws OtSecurityException if security fails (certificate, credentials)
     * @throws OtTimeoutException if connecting takes longer than the connect timeout
     */
    public Session connect(String uri) {
        return connect(uri, runtime.defaults());
    }

    /**
     * Connects with options and waits until connected.
     *
     * @param uri the connection URI
     * @param options session settings
     * @return the connected session
     * @throws ConfigurationException if the URI or an option is invalid or no driver handles the scheme
     * @throws ConnectionException if the connection cannot be made
     * @throws OtSecurityException if security fails (certificate, credentials)
     * @throws OtTimeoutException if connecting takes longer than the connect timeout
     */
    public Session connect(String uri, SessionOptions options) {
        return ClientRuntime.await(connectAsync(uri, options));
    }

    /**
     * Connects asynchronously.
     *
     * @param uri the connection URI
     * @param options session settings
     * @return the session once connected, or a failed future
     */
    public CompletableFuture<Session> connectAsync(String uri, SessionOptions options) {
        return runtime.connect(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(options, "options"));
    }

    /** @return the URI schemes of the drivers found, e.g. {@code modbus+tcp} */
    public Set<String> schemes() {
        return runtime.schemes();
    }

    /** @return the default session options of this client */
    public SessionOptions defaults() {
        return runtime.defaults();
    }

    /** Closes every session of this client, then stops its threads. Idempotent. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Builds an {@link OtClient}. */
    public static final class Builder {
        private int ioThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int callbackThreads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        private SessionOptions defaults = SessionOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private final List<Driver> drivers = new ArrayList<>();
        private ClassLoader classLoader;

        private Builder() {
        }

        /**
         * @param threads I/O event-loop threads shared by all sessions (default: processors, 2..4)
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            this.ioThreads = positive(threads, "ioThreads");
            return this;
        }

        /**
         * @param threads threads for listener callbacks and future completion (default: processors, 2..8)
         * @return this builder
         */
        public Builder callbackThreads(int threads) {
            this.callbackThreads = positive(threads, "callbackThreads");
            return this;
        }

        /**
         * @param defaults session options used by {@link OtClient#connect(String)}
         * @return this builder
         */
        public Builder defaults(SessionOptions defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * @param clock the clock for timestamps (tests inject a fixed or manual clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Registers a driver explicitly, in addition to those found by {@link java.util.ServiceLoader};
         * for custom protocols and tests. An explicit driver wins over a discovered one for its schemes.
         *
         * @param driver the driver
         * @return this builder
         */
        public Builder driver(Driver driver) {
            drivers.add(Objects.requireNonNull(driver, "driver"));
            return this;
        }

        /**
         * @param loader the class loader to discover drivers with (default: this library's)
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** @return the client, with its threads started lazily */
        public OtClient build() {
            return new OtClient(this);
        }

        private static int positive(int n, String what) {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be at least 1, got " + n);
            }
            return n;
        }
    }
}
