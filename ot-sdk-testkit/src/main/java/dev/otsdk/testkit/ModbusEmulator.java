package dev.otsdk.testkit;

import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.TlsProvider;
import dev.otsdk.modbus.internal.codec.MbapFrameDecoder;
import dev.otsdk.modbus.internal.codec.RtuFrameDecoder;
import dev.otsdk.modbus.internal.codec.RtuFramer;
import dev.otsdk.spi.TlsContexts;
import dev.otsdk.testkit.internal.TcpServer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A Modbus server for tests and demos: Modbus TCP, RTU framing over TCP, or Modbus/TCP Security (TLS
 * with client certificates and role-based authorization). It serves several unit ids, each with its own
 * {@link ModbusUnit} data, records every request, and injects faults from its {@link FaultPlan}.
 *
 * <pre>{@code
 * @StartStop final ModbusEmulator plc = new ModbusEmulator();
 *
 * plc.holding(100).setFloat32(21.5f, WordOrder.CDAB);
 * plc.faults().once(FaultPoint.ON_REQUEST, r -> r.function() == 3, Fault.drop());
 * try (Session s = ot.connect(plc.uri())) { ... }
 * ModbusRequest r = plc.takeRequest(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>It binds a loopback port (0 unless configured) and can be started again after {@link #close()},
 * keeping its data; with a fixed port it comes back on the same port, as a rebooted device would.
 * Requests are answered in the order they are processed; a delayed request does not hold back later
 * ones.
 */
public final class ModbusEmulator implements Emulator {

    /** Modbus/TCP Security needs TLS 1.2 or later and client certificates. */
    enum Mode {
        TCP("modbus+tcp"), RTU("modbus+rtu+tcp"), TLS("modbus+tls");

        final String scheme;

        Mode(String scheme) {
            this.scheme = scheme;
        }
    }

    private final Mode mode;
    private final int port;
    private final SslContext ssl;
    private final ModbusAuthorization authorization;
    private final Clock clock;
    private final Duration simulationInterval;
    private final int maxInFlight;
    private final int recordLimit;
    private final Map<Integer, ModbusUnit> units = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<ModbusChange>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> deviceId = new ConcurrentHashMap<>();
    private final Map<Integer, BiFunction<Integer, byte[], byte[]>> custom = new ConcurrentHashMap<>();
    private final FaultPlan<ModbusRequest> faults = new FaultPlan<>();
    private final LinkedBlockingDeque<ModbusRequest> recorded = new LinkedBlockingDeque<>();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final List<Active> simulations = new CopyOnWriteArrayList<>();
    private final TcpServer server;
    private ScheduledExecutorService ticker;

    private record Active(ModbusSimulation simulation, Instant since) {
    }

    /** A Modbus TCP emulator on a free loopback port with unit 1. */
    public ModbusEmulator() {
        this(builder());
    }

    private ModbusEmulator(Builder b) {
        this.mode = b.mode;
        this.port = b.port;
        this.authorization = b.authorization;
        this.clock = b.clock;
        this.simulationInterval = b.simulationInterval;
        this.maxInFlight = b.maxInFlight;
        this.recordLimit = b.recordLimit;
        this.ssl = b.mode == Mode.TLS
                ? TlsContexts.server(b.serverKey, b.trustedClientIssuers, true, TlsProvider.JDK) : null;
        for (int u : b.units) {
            units.put(u, new ModbusUnit(u, listeners));
        }
        deviceId.putAll(Map.of(0, "OT SDK", 1, "EMU-MB", 2, "1.0", 3, "https://otsdk.dev", 4, "ModbusEmulator",
                5, "Modbus test server", 6, "ot-sdk-testkit"));
        this.server = new TcpServer("modbus-emulator", Ports.loopback(port), new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (ssl != null) {
                    ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                }
                ch.pipeline().addLast("frames", mode == Mode.RTU ? new RtuFrameDecoder(RtuFramer.Direction.REQUEST)
                        : new MbapFrameDecoder());
                // Replies to requests that arrived together leave together, as a busy device's do.
                ch.pipeline().addLast("flush", new FlushConsolidationHandler(256, false));
                ch.pipeline().addLast("modbus", new ModbusServerHandler(ModbusEmulator.this,
                        connections.incrementAndGet()));
            }
        });
    }

    /** @return a builder for TCP on a free port with unit 1 */
    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle

    @Override
    public synchronized void start() {
        if (server.isRunning()) {
            return;
        }
        server.start();
        if (!simulations.isEmpty()) {
            startTicker();
        }
    }

    private void startTicker() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "modbus-emulator-simulation");
                t.setDaemon(true);
                return t;
            });
            long every = simulationInterval.toNanos();
            ticker.scheduleAtFixedRate(this::runSimulations, every, every, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String uri() {
        return Ports.uri(mode.scheme, server.localAddress());
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        server.close();
    }

    // ---- data

    /**
     * The data of a unit id, created on first use (so a test can add unit ids at any time).
     *
     * @param id 0..255
     * @return the unit
     */
    public ModbusUnit unit(int id) {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("unit id must be 0..255, got " + id);
        }
        return units.computeIfAbsent(id, u -> new ModbusUnit(u, listeners));
    }

    /** @return the unit ids served, in ascending order */
    public List<Integer> unitIds() {
        List<Integer> ids = new ArrayList<>(units.keySet());
        ids.sort(null);
        return ids;
    }

    ModbusUnit unitOrNull(int id) {
        return units.get(id);
    }

    /**
     * A holding register of the first unit (the lowest unit id).
     *
     * @param address 0..65535
     * @return a typed view
     */
    public ModbusRegister holding(int address) {
        return firstUnit().holding(address);
    }

    /**
     * An input register of the first unit.
     *
     * @param address 0..65535
     * @return a typed view
     */
    public ModbusRegister input(int address) {
        return firstUnit().input(address);
    }

    /**
     * A coil of the first unit.
     *
     * @param address 0..65535
     * @return a view
     */
    public ModbusBit coil(int address) {
        return firstUnit().coil(address);
    }

    /**
     * A discrete input of the first unit.
     *
     * @param address 0..65535
     * @return a view
     */
    public ModbusBit discrete(int address) {
        return firstUnit().discrete(address);
    }

    private ModbusUnit firstUnit() {
        List<Integer> ids = unitIds();
        if (ids.isEmpty()) {
            throw new IllegalStateException("the emulator serves no unit id");
        }
        return units.get(ids.get(0));
    }

    /**
     * Listens to changes of any unit's data (client writes, simulations, tests). Listeners run on the
     * thread that made the change: keep them short.
     *
     * @param listener the listener
     */
    public void onChange(Consumer<ModbusChange> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sets a device identification object (FC 43/14); the defaults name the emulator.
     *
     * @param id object id 0..255
     * @param value its value
     */
    public void deviceIdentification(int id, String value) {
        deviceId.put(id, Objects.requireNonNull(value, "value"));
    }

    Map<Integer, String> deviceIdSnapshot() {
        return new TreeMap<>(deviceId);
    }

    /**
     * Handles a function code the emulator does not know, e.g. to test raw PDUs.
     *
     * @param functionCode 1..127
     * @param handler gets the unit id and the data after the function code, returns the response data
     */
    public void customFunction(int functionCode, BiFunction<Integer, byte[], byte[]> handler) {
        custom.put(functionCode, Objects.requireNonNull(handler, "handler"));
    }

    Map<Integer, BiFunction<Integer, byte[], byte[]>> customFunctions() {
        return custom;
    }

    // ---- simulation

    /**
     * Adds a simulated process value, starting now on the emulator's clock.
     *
     * @param simulation the simulation
     */
    public void simulate(ModbusSimulation simulation) {
        simulations.add(new Active(Objects.requireNonNull(simulation, "simulation"), clock.instant()));
        unit(simulation.unit());
        synchronized (this) {
            if (server.isRunning()) {
                startTicker();
            }
        }
    }

    /** Applies every simulation at the clock's current time; tests with a fixed clock call this. */
    public void runSimulations() {
        Instant now = clock.instant();
        for (Active a : simulations) {
            a.simulation().apply(unit(a.simulation().unit()), Duration.between(a.since(), now));
        }
    }

    // ---- recording and faults

    /** @return the fault plan consulted for every connection and request */
    public FaultPlan<ModbusRequest> faults() {
        return faults;
    }

    /** @return requests recorded and not yet taken, oldest first (at most the record limit) */
    public List<ModbusRequest> requests() {
        return List.copyOf(recorded);
    }

    /**
     * Takes the oldest recorded request, waiting for one.
     *
     * @param timeout how long to wait
     * @return the request, or {@code null} if none arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public ModbusRequest takeRequest(Duration timeout) throws InterruptedException {
        return recorded.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return requests received since the emulator was created */
    public long requestCount() {
        return requestCount.get();
    }

    /** @return connections open now */
    public int openConnections() {
        return openConnections.get();
    }

    /**
     * Whether requests need no copy: nothing is recorded, no fault is planned and no role is checked.
     * The handler then answers straight from the received buffer.
     */
    boolean plain() {
        return recordLimit == 0 && faults().isEmpty() && mode != Mode.TLS;
    }

    /** Counts a request that is not recorded. */
    void countRequest() {
        requestCount.incrementAndGet();
    }

    void record(ModbusRequest r) {
        requestCount.incrementAndGet();
        if (recordLimit == 0) {
            return;
        }
        while (recorded.size() >= recordLimit) {
            recorded.pollFirst();
        }
        recorded.offerLast(r);
    }

    void connectionOpened(boolean open) {
        if (open) {
            openConnections.incrementAndGet();
        } else {
            openConnections.decrementAndGet();
        }
    }

    Mode mode() {
        return mode;
    }

    ModbusAuthorization authorization() {
        return authorization;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public String toString() {
        return "ModbusEmulator[" + (isRunning() ? uri() : mode.scheme + ", stopped") + ", units=" + unitIds() + "]";
    }

    /** Configures a {@link ModbusEmulator}. */
    public static final class Builder {
        private Mode mode = Mode.TCP;
        private int port;
        private KeyMaterial serverKey;
        private List<X509Certificate> trustedClientIssuers = List.of();
        private ModbusAuthorization authorization = ModbusAuthorization.permitAll();
        private Clock clock = Clock.systemUTC();
        private Duration simulationInterval = Duration.ofMillis(100);
        private int maxInFlight = 256;
        private int recordLimit = 10_000;
        private List<Integer> units = List.of(1);

        private Builder() {
        }

        /**
         * Frames requests and responses as RTU (unit id, PDU, CRC-16) over TCP.
         *
         * @return this builder
         */
        public Builder rtuOverTcp() {
            mode = Mode.RTU;
            return this;
        }

        /**
         * Serves Modbus/TCP Security: TLS 1.2+ with a client certificate required, roles read from it.
         *
         * @param server the server's certificate (e.g. {@code pki.server("localhost", "127.0.0.1")})
         * @param trustedClientIssuers CAs whose client certificates are accepted
         * @return this builder
         */
        public Builder tls(TestIdentity server, List<X509Certificate> trustedClientIssuers) {
            this.mode = Mode.TLS;
            this.serverKey = KeyMaterial.of(server.privateKey(), server.chain());
            this.trustedClientIssuers = List.copyOf(trustedClientIssuers);
            return this;
        }

        /**
         * Sets who may do what over TLS; refused requests get exception 01.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder authorization(ModbusAuthorization rule) {
            this.authorization = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Listens on a fixed loopback port (default 0: a free one).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            Ports.loopback(port);
            this.port = port;
            return this;
        }

        /**
         * The unit ids served from the start (default 1); requests for others get exception 0x0A.
         *
         * @param ids unit ids 0..255
         * @return this builder
         */
        public Builder units(int... ids) {
            List<Integer> list = new ArrayList<>();
            for (int id : ids) {
                if (id < 0 || id > 255) {
                    throw new IllegalArgumentException("unit id must be 0..255, got " + id);
                }
                list.add(id);
            }
            this.units = List.copyOf(list);
            return this;
        }

        /**
         * The clock simulations read (default: the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How often a running emulator applies its simulations (default 100 ms).
         *
         * @param interval more than zero
         * @return this builder
         */
        public Builder simulationInterval(Duration interval) {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            this.simulationInterval = interval;
            return this;
        }

        /**
         * Requests one connection may have unanswered at once (default 256); more get exception 06
         * (Server Device Busy), as a device with a small request queue answers.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1: " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        /**
         * How many requests are kept for {@link #requests()} (default 10 000; 0 records none, for
         * benchmarks). Older ones are dropped.
         *
         * @param limit 0 or more
         * @return this builder
         */
        public Builder recordLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            this.recordLimit = limit;
            return this;
        }

        /** @return the emulator, not started */
        public ModbusEmulator build() {
            return new ModbusEmulator(this);
        }
    }
}
