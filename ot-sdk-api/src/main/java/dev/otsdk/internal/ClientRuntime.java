package dev.otsdk.internal;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.Endpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an {@code OtClient} is made of: shared threads (started lazily), drivers, sessions. */
public final class ClientRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);

    private final int ioThreads;
    private final int callbackThreads;
    private final SessionOptions defaults;
    private final Clock clock;
    private final List<Driver> explicitDrivers;
    private final ClassLoader classLoader;
    private final Set<ManagedSession> sessions = ConcurrentHashMap.newKeySet();
    private Map<String, Driver> drivers;
    private SharedResources resources;
    private boolean closed;

    /**
     * @param ioThreads event-loop threads
     * @param callbackThreads callback threads
     * @param defaults default session options
     * @param clock the clock
     * @param explicitDrivers drivers registered on the builder (win over discovered ones)
     * @param classLoader loader for driver discovery, or {@code null} for this library's
     */
    public ClientRuntime(int ioThreads, int callbackThreads, SessionOptions defaults, Clock clock,
            List<Driver> explicitDrivers, ClassLoader classLoader) {
        this.ioThreads = ioThreads;
        this.callbackThreads = callbackThreads;
        this.defaults = defaults;
        this.clock = clock;
        this.explicitDrivers = List.copyOf(explicitDrivers);
        this.classLoader = classLoader;
    }

    /** @return the default session options */
    public SessionOptions defaults() {
        return defaults;
    }

    /** @return the schemes of all drivers */
    public Set<String> schemes() {
        return Collections.unmodifiableSet(new TreeSet<>(drivers().keySet()));
    }

    /**
     * Opens a session and connects it.
     *
     * @param uri the URI
     * @param options the session options
     * @return the connected session, completing on the callback threads
     */
    public CompletableFuture<Session> connect(String uri, SessionOptions options) {
        try {
            UriParser.Parsed p = UriParser.parse(uri);
            Driver d = drivers().get(p.scheme());
            if (d == null) {
                throw new ConfigurationException("no driver for scheme '" + p.scheme() + "' in " + uri
                        + (drivers().isEmpty() ? ": no protocol module is on the class path"
                        : ": known schemes are " + String.join(", ", schemes()))
                        + " (add the protocol module, e.g. dev.otsdk:ot-sdk-modbus, as a dependency)");
            }
            int port = p.port() > 0 ? p.port() : d.defaultPort(p.scheme());
            OptionResolver.Resolved r = OptionResolver.resolve(p.uri(), p.query(), options, d.options(p.scheme()));
            Endpoint endpoint = new Endpoint(p.scheme(), p.host(), port, p.path(), p.query(), p.uri());
            SharedResources res = resources();
            DriverContext ctx = new DriverContext(endpoint, r.driver(), r.session(), res);
            DriverSession ds = d.open(ctx);
            ManagedSession s = new ManagedSession(this, d, ctx, ds);
            sessions.add(s);
            CompletableFuture<Session> started = s.start().whenComplete((v, e) -> {
                if (e != null) {
                    sessions.remove(s);
                }
            });
            return Futures.completeOn(started, res.callbackExecutor());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    void forget(ManagedSession s) {
        sessions.remove(s);
    }

    private synchronized SharedResources resources() {
        if (closed) {
            throw new SessionClosedException("this OtClient is closed", null);
        }
        if (resources == null) {
            resources = new SharedResources(ioThreads, callbackThreads, clock);
        }
        return resources;
    }

    private synchronized Map<String, Driver> drivers() {
        if (drivers == null) {
            Map<String, Driver> found = new LinkedHashMap<>();
            List<ClassLoader> loaders = new ArrayList<>();
            loaders.add(classLoader != null ? classLoader : ClientRuntime.class.getClassLoader());
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (classLoader == null && context != null && !loaders.contains(context)) {
                loaders.add(context);
            }
            for (ClassLoader loader : loaders) {
                ServiceLoader<Driver> sl = loader == null ? ServiceLoader.load(Driver.class)
                        : ServiceLoader.load(Driver.class, loader);
                for (var it = sl.iterator(); it.hasNext(); ) {
                    try {
                        Driver d = it.next();
                        for (String scheme : d.schemes()) {
                            found.putIfAbsent(scheme, d);
                        }
                    } catch (ServiceConfigurationError e) {
                        LOG.warn("skipping a driver that failed to load: {}", e.getMessage());
                    }
                }
            }
            for (Driver d : explicitDrivers) {
                for (String scheme : d.schemes()) {
                    found.put(scheme, d);
                }
            }
            drivers = found;
        }
        return drivers;
    }

    /** Closes every session (bounded wait), then stops the threads. */
    public void close() {
        SharedResources res;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            res = resources;
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ManagedSession s : new ArrayList<>(sessions)) {
            closing.add(s.closeAsync());
        }
        try {
            CompletableFuture.allOf(closing.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("not every session closed cleanly: {}", e.toString());
        }
        if (res != null) {
            res.shutdown();
        }
    }

    /**
     * Waits for a future and rethrows its failure unwrapped.
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     */
    public static <T> T await(CompletableFuture<T> future) {
        return Futures.await(future);
    }
}
