package dev.otsdk.testkit;

import dev.otsdk.testkit.internal.opcua.ChannelGate;
import dev.otsdk.testkit.internal.opcua.EmulatorNamespace;
import dev.otsdk.testkit.internal.opcua.EmulatorServer;
import dev.otsdk.testkit.internal.opcua.MiloValues;
import dev.otsdk.testkit.internal.opcua.VariableSpec;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OPC UA server for tests, built on Eclipse Milo: runs in-process on a free loopback port, offers
 * endpoints for None and every RSA security policy in Sign and SignAndEncrypt, accepts anonymous,
 * user name/password and X.509 users (configurable), and serves a declarative address space.
 *
 * <pre>{@code
 * @StartStop static final OpcUaEmulator plc = OpcUaEmulator.builder()
 *         .variable("Line1/Temperature", OpcUaType.DOUBLE, 21.5)
 *         .readOnly("Line1/Serial", OpcUaType.STRING, "A-113")
 *         .user("operator", "secret")
 *         .build();
 * ... Tag.of(plc.nodeId("Line1/Temperature"), DataType.FLOAT64) ...
 * plc.set("Line1/Temperature", 22.0);           // the "device" changes a value
 * plc.burst("Line1/Temperature", 22.5, 23.0);   // changes faster than clients sample
 * plc.writes();                                 // what clients wrote
 * plc.restart();                                // same port, same values, all sessions gone
 * }</pre>
 *
 * <p>Variables are addressed by slash-separated paths; their NodeIds are {@code ns=<index>;s=<path>}
 * (see {@link #nodeId(String)}). Folders are created from the paths. The server's certificate is a
 * self-signed OPC UA application certificate made with a {@link TestPki}; nobody trusts it until a test
 * says so. Client application
 * certificates are all accepted unless {@link Builder#trustedClients(X509Certificate...)} restricts them.
 * A stopped emulator can be started again; it keeps its port and values. Thread-safe.
 */
public final class OpcUaEmulator implements Emulator {

    /** The namespace URI of the emulator's variables. */
    public static final String NAMESPACE_URI = "urn:dev.otsdk:opcua-emulator";

    /** The security policies offered besides None by default. */
    public static final List<String> ALL_POLICIES = List.of("Basic256Sha256", "Aes128_Sha256_RsaOaep",
            "Aes256_Sha256_RsaPss", "Basic128Rsa15", "Basic256");

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaEmulator.class);
    private static final int BIND_ATTEMPTS = 5;
    private static volatile TestPki sharedPki;

    private final List<VariableSpec> specs;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final ChannelGate gate = new ChannelGate();
    private final TestPki pki;
    private final TestIdentity identity;
    private final String path;
    private final List<String> policies;
    private final boolean anonymous;
    private final Map<String, String> users;
    private final boolean x509Users;
    private final List<X509Certificate> trustedClients;
    private final Clock clock;
    private int port;
    private EmulatorServer.Built running;

    /**
     * A write a client made.
     *
     * @param path the variable's path
     * @param value the value written, in the plain Java form of {@link OpcUaType}; for a write to an index
     *     range of an array, the elements written
     * @param at when the emulator applied it
     */
    public record Write(String path, Object value, Instant at) {
    }

    /**
     * A monitored item of a variable's value, as the server granted it to a client.
     *
     * @param path the variable's path
     * @param samplingInterval the revised sampling interval
     * @param queueSize the revised queue size: values kept between two publishes
     * @param discardOldest whether a full queue drops its oldest value (else its newest)
     */
    public record MonitoredItem(String path, Duration samplingInterval, int queueSize, boolean discardOldest) {
    }

    /** Creates an emulator with the {@linkplain Builder#demoNodes() demo address space} and default settings. */
    public OpcUaEmulator() {
        this(builder().demoNodes());
    }

    private OpcUaEmulator(Builder b) {
        this.specs = List.copyOf(b.specs.values());
        this.clock = b.clock;
        for (VariableSpec s : specs) {
            // A generated value starts at the emulator's clock, whenever the builder was given it.
            Object initial = s.generator() != null ? s.generator().apply(clock.instant()) : s.initial();
            MiloValues.toMilo(s.type(), s.array(), initial);
            if (initial != null) {
                values.put(s.path(), initial);
            }
        }
        this.pki = b.pki != null ? b.pki : sharedPki();
        // Self-signed, like most OPC UA servers: trusting the server certificate alone is then enough.
        this.identity = pki.issue(CertSpec.opcUaApplication("urn:dev.otsdk:opcua-emulator", "localhost", "127.0.0.1")
                .selfSigned().build());
        this.path = b.path;
        this.policies = List.copyOf(b.policies);
        this.anonymous = b.anonymous;
        this.users = Map.copyOf(b.users);
        this.x509Users = b.x509Users;
        this.trustedClients = List.copyOf(b.trustedClients);
        this.port = b.port;
    }

    private static TestPki sharedPki() {
        TestPki p = sharedPki;
        if (p == null) {
            synchronized (OpcUaEmulator.class) {
                if (sharedPki == null) {
                    sharedPki = TestPki.create("OT SDK OPC UA Emulator CA");
                }
                p = sharedPki;
            }
        }
        return p;
    }

    /**
     * Starts configuring an emulator.
     *
     * @return a builder with no variables, every policy, anonymous users, accepting every client
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        boolean fixed = port != 0;
        Exception last = null;
        for (int attempt = 0; attempt < (fixed ? 1 : BIND_ATTEMPTS); attempt++) {
            int p = fixed ? port : Ports.freePort();
            try {
                EmulatorServer.Built b = EmulatorServer.build(settings(p), specs, values, this::recordWrite, gate);
                b.server().startup().get(10, TimeUnit.SECONDS);
                port = p;
                running = b;
                LOG.debug("OPC UA emulator listening on {}", uri());
                return;
            } catch (Exception e) {
                last = e;
                LOG.debug("OPC UA emulator could not bind port {}: {}", p, e.toString());
            }
        }
        throw new java.io.UncheckedIOException(new java.io.IOException("cannot start the OPC UA emulator"
                + (fixed ? " on port " + port : ""), last));
    }

    private EmulatorServer.Settings settings(int p) {
        return new EmulatorServer.Settings(p, path, identity.privateKey(), identity.chain(),
                x509Users ? pki.caCertificate() : null, policies, anonymous, users, trustedClients,
                pki.caCertificate(), NAMESPACE_URI, clock);
    }

    private void recordWrite(String p, Object value) {
        writes.add(new Write(p, value, clock.instant()));
    }

    @Override
    public synchronized int port() {
        requireRunning();
        return port;
    }

    /**
     * Returns the endpoint URL, e.g. {@code opc.tcp://127.0.0.1:50123/otsdk}.
     *
     * @return the URL clients connect to
     */
    @Override
    public synchronized String uri() {
        requireRunning();
        return "opc.tcp://127.0.0.1:" + port + path;
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public synchronized void close() {
        EmulatorServer.Built b = running;
        running = null;
        if (b == null) {
            return;
        }
        gate.resume();
        b.namespace().shutdown();
        try {
            b.server().shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("OPC UA emulator did not shut down cleanly: {}", e.toString());
        }
        gate.closeAll();
    }

    /** Stops and starts again on the same port: every session and subscription is gone, values stay. */
    public synchronized void restart() {
        requireRunning();
        close();
        start();
    }

    /**
     * Returns the NodeId of a variable or folder, in the namespace index the server assigned.
     *
     * @param variablePath e.g. {@code Line1/Temperature}
     * @return e.g. {@code ns=2;s=Line1/Temperature}
     */
    public synchronized String nodeId(String variablePath) {
        requireRunning();
        return running.namespace().nodeIdText(variablePath);
    }

    /**
     * Returns the NodeId of a variable in its namespace-URI form, stable across servers.
     *
     * @param variablePath e.g. {@code Line1/Temperature}
     * @return e.g. {@code nsu=urn:dev.otsdk:opcua-emulator;s=Line1/Temperature}
     */
    public String expandedNodeId(String variablePath) {
        return "nsu=" + NAMESPACE_URI + ";s=" + variablePath;
    }

    /**
     * Sets a variable's value as if the device changed it; subscriptions see it at their next sample.
     *
     * @param variablePath the variable
     * @param value the value in the plain Java form of its {@link OpcUaType}
     * @throws IllegalArgumentException for an unknown path or a value that does not fit
     */
    public synchronized void set(String variablePath, Object value) {
        VariableSpec s = spec(variablePath);
        MiloValues.toMilo(s.type(), s.array(), value);
        values.put(variablePath, value);
        if (running != null) {
            running.namespace().set(variablePath, value);
        }
    }

    /**
     * Changes a variable several times before the next sample, as a device does that changes faster than
     * clients sample: at its next sample, every monitored item of the variable's value queues each value
     * that is a change, in order, and all of them reach the client in the same publish. An item whose queue
     * is smaller overflows: with discardOldest it keeps the newest values, else it keeps the first ones
     * and replaces the last with the newest; when its queue size is more than 1, the server sets the
     * Overflow bit in the InfoBits of the StatusCode of such values. Reads see the last value at once.
     *
     * @param variablePath the variable
     * @param changes one or more values in the plain Java form of its {@link OpcUaType}; the last one stays
     * @throws IllegalArgumentException for an unknown path, no values or a value that does not fit
     */
    public synchronized void burst(String variablePath, Object... changes) {
        VariableSpec s = spec(variablePath);
        if (changes.length == 0) {
            throw new IllegalArgumentException("a burst needs at least one value");
        }
        for (Object v : changes) {
            MiloValues.toMilo(s.type(), s.array(), v);
        }
        if (running != null) {
            running.namespace().burst(variablePath, Arrays.asList(changes));
        } else {
            values.put(variablePath, changes[changes.length - 1]);
        }
    }

    /**
     * Returns the monitored items clients have on the variables' values, with the sampling interval, queue
     * size and discard policy the server granted.
     *
     * @return a snapshot, in no particular order; empty when stopped
     */
    public synchronized List<MonitoredItem> monitoredItems() {
        if (running == null) {
            return List.of();
        }
        return running.namespace().monitoredValues().stream()
                .map(m -> new MonitoredItem(m.path(), Duration.ofNanos(Math.round(m.samplingIntervalMillis() * 1e6)),
                        m.queueSize(), m.discardOldest()))
                .toList();
    }

    /**
     * Returns a variable's current value (set by the test, written by a client or generated).
     *
     * @param variablePath the variable
     * @return the value in the plain Java form of its {@link OpcUaType}, or {@code null}
     */
    public Object value(String variablePath) {
        spec(variablePath);
        return values.get(variablePath);
    }

    /**
     * Returns the writes clients made, oldest first.
     *
     * @return a snapshot
     */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Forgets the recorded writes. */
    public void clearWrites() {
        writes.clear();
    }

    /** Recomputes every generated variable from the clock now, e.g. after advancing a test clock. */
    public synchronized void generateNow() {
        requireRunning();
        running.namespace().generateNow();
    }

    /**
     * Closes every client session on the server side, deleting their subscriptions, as a server does
     * when it runs out of resources or an administrator intervenes. Connections stay open.
     */
    public synchronized void closeAllSessions() {
        requireRunning();
        var sessions = running.server().getSessionManager();
        for (var s : sessions.getAllSessions()) {
            sessions.killSession(s.getSessionId(), true);
        }
    }

    /**
     * Returns the number of sessions the server has.
     *
     * @return the count
     */
    public synchronized int sessionCount() {
        requireRunning();
        return running.server().getSessionManager().getAllSessions().size();
    }

    /**
     * Stops answering: requests wait unread, keep-alives fail, new connections are accepted but not
     * served, until {@link #resumeAnswering()}.
     */
    public void stopAnswering() {
        gate.pause();
    }

    /** Answers again, including what arrived while stopped. */
    public void resumeAnswering() {
        gate.resume();
    }

    /** Closes every client connection, as a network failure does; the server keeps the sessions. */
    public void dropConnections() {
        gate.closeAll();
    }

    /**
     * Returns the server's certificate, for tests that trust it explicitly.
     *
     * @return the leaf certificate
     */
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /**
     * Returns the emulator's PKI; user certificates it issues are accepted as X.509 users.
     *
     * @return the PKI
     */
    public TestPki pki() {
        return pki;
    }

    /**
     * Returns the variables' paths in declaration order.
     *
     * @return the paths
     */
    public List<String> variables() {
        return specs.stream().map(VariableSpec::path).toList();
    }

    private VariableSpec spec(String variablePath) {
        for (VariableSpec s : specs) {
            if (s.path().equals(variablePath)) {
                return s;
            }
        }
        throw new IllegalArgumentException("the emulator has no variable '" + variablePath + "'");
    }

    private void requireRunning() {
        if (running == null) {
            throw new IllegalStateException("the OPC UA emulator is not running");
        }
    }

    @Override
    public String toString() {
        return "OpcUaEmulator[" + (running == null ? "stopped" : "opc.tcp://127.0.0.1:" + port + path) + "]";
    }

    /** Configures an {@link OpcUaEmulator}. */
    public static final class Builder {
        private final Map<String, VariableSpec> specs = new LinkedHashMap<>();
        private TestPki pki;
        private String path = "/otsdk";
        private List<String> policies = ALL_POLICIES;
        private boolean anonymous = true;
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean x509Users = true;
        private final List<X509Certificate> trustedClients = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int port;

        private Builder() {
        }

        /**
         * Adds a writable scalar variable.
         *
         * @param variablePath e.g. {@code Line1/Temperature}
         * @param type its type
         * @param initial its first value, in the type's plain Java form
         * @return this builder
         */
        public Builder variable(String variablePath, OpcUaType type, Object initial) {
            return add(new VariableSpec(variablePath, type, false, initial, true, null, null, null));
        }

        /**
         * Adds a read-only scalar variable.
         *
         * @param variablePath the path
         * @param type its type
         * @param initial its value
         * @return this builder
         */
        public Builder readOnly(String variablePath, OpcUaType type, Object initial) {
            return add(new VariableSpec(variablePath, type, false, initial, false, null, null, null));
        }

        /**
         * Adds a writable one-dimensional array variable.
         *
         * @param variablePath the path
         * @param elementType the element type
         * @param initial a Java array of the element type's plain form (boxed or primitive)
         * @return this builder
         */
        public Builder array(String variablePath, OpcUaType elementType, Object initial) {
            return add(new VariableSpec(variablePath, elementType, true, initial, true, null, null, null));
        }

        /**
         * Adds a writable Double variable of type AnalogItemType with an engineering range, so that
         * percent deadbands can be applied to it.
         *
         * @param variablePath the path
         * @param initial its value
         * @param low the range's low end
         * @param high the range's high end
         * @return this builder
         */
        public Builder analog(String variablePath, double initial, double low, double high) {
            return add(new VariableSpec(variablePath, OpcUaType.DOUBLE, false, initial, true,
                    new double[] {low, high}, null, null));
        }

        /**
         * Adds a read-only variable whose value is recomputed on a schedule from the emulator's clock.
         *
         * @param variablePath the path
         * @param type its type
         * @param period how often
         * @param valueAt the value at a point in time, in the type's plain Java form
         * @return this builder
         */
        public Builder generated(String variablePath, OpcUaType type, Duration period,
                Function<Instant, Object> valueAt) {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(valueAt, "valueAt");
            return add(new VariableSpec(variablePath, type, false, null, false, null, period, valueAt));
        }

        /**
         * Adds the demo address space: {@code Demo/Scalars/<Type>} (one writable variable per built-in
         * type), {@code Demo/Arrays/<Type>} (numeric, boolean and string arrays), {@code Demo/ReadOnly/Serial},
         * {@code Demo/Analog/Level} (0..100) and {@code Demo/Dynamic/Counter} and {@code Demo/Dynamic/Sine},
         * which change every 100 ms.
         *
         * @return this builder
         */
        public Builder demoNodes() {
            DemoNodes.addTo(this);
            return this;
        }

        private Builder add(VariableSpec spec) {
            if (specs.containsKey(spec.path())) {
                throw new IllegalArgumentException("variable '" + spec.path() + "' is declared twice");
            }
            specs.put(spec.path(), spec);
            return this;
        }

        /**
         * Uses a given PKI to make the server certificate and to accept X.509 users.
         *
         * @param testPki the PKI
         * @return this builder
         */
        public Builder pki(TestPki testPki) {
            this.pki = Objects.requireNonNull(testPki, "testPki");
            return this;
        }

        /**
         * Sets the endpoint path.
         *
         * @param endpointPath e.g. {@code /otsdk} (the default)
         * @return this builder
         */
        public Builder path(String endpointPath) {
            if (!endpointPath.startsWith("/")) {
                throw new IllegalArgumentException("the path must start with '/': " + endpointPath);
            }
            this.path = endpointPath;
            return this;
        }

        /**
         * Sets the security policies offered besides None (default: {@link #ALL_POLICIES}).
         *
         * @param names policy names such as {@code Basic256Sha256}
         * @return this builder
         */
        public Builder securityPolicies(String... names) {
            for (String n : names) {
                if (!ALL_POLICIES.contains(n)) {
                    throw new IllegalArgumentException("unknown policy " + n + "; one of " + ALL_POLICIES);
                }
            }
            this.policies = List.of(names);
            return this;
        }

        /**
         * Sets whether anonymous users may connect (default true).
         *
         * @param allowed whether allowed
         * @return this builder
         */
        public Builder anonymous(boolean allowed) {
            this.anonymous = allowed;
            return this;
        }

        /**
         * Adds a user name and password.
         *
         * @param name the user name
         * @param password the password
         * @return this builder
         */
        public Builder user(String name, String password) {
            users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Sets whether X.509 user certificates issued by the emulator's PKI are accepted (default true).
         *
         * @param accepted whether accepted
         * @return this builder
         */
        public Builder x509Users(boolean accepted) {
            this.x509Users = accepted;
            return this;
        }

        /**
         * Accepts only these client application certificates on secure endpoints (default: any). A
         * certificate may be self-signed or issued by the emulator's {@linkplain #pki(TestPki) PKI}; a CA
         * certificate given here accepts every certificate that CA issued.
         *
         * @param certificates trusted client certificates
         * @return this builder
         */
        public Builder trustedClients(X509Certificate... certificates) {
            trustedClients.addAll(List.of(certificates));
            return this;
        }

        /**
         * Sets the clock for timestamps and generated values (default: the system clock).
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "c");
            return this;
        }

        /**
         * Binds a fixed port instead of a free one.
         *
         * @param fixedPort 1..65535
         * @return this builder
         */
        public Builder port(int fixedPort) {
            if (fixedPort < 1 || fixedPort > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, got " + fixedPort);
            }
            this.port = fixedPort;
            return this;
        }

        /**
         * Creates the emulator (not started); generated variables get their first value from the clock now.
         *
         * @return the emulator
         * @throws IllegalArgumentException if a generated variable's first value does not fit its type
         */
        public OpcUaEmulator build() {
            return new OpcUaEmulator(this);
        }
    }
}
