package dev.otsdk.cli.fake;

import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state behind {@code fake://<host>}: named values tests set and inspect, a log of writes, and
 * switches for failures. One device per host name, shared by every session to that host.
 */
public final class FakeDevice {

    private static final Map<String, FakeDevice> DEVICES = new ConcurrentHashMap<>();

    final Map<String, Object> values = new ConcurrentHashMap<>();
    final List<String> writes = new CopyOnWriteArrayList<>();
    final Set<String> refusedWrites = ConcurrentHashMap.newKeySet();
    final AtomicInteger reads = new AtomicInteger();
    volatile OtException connectFailure;
    volatile int failReadsFrom = Integer.MAX_VALUE;
    volatile int failReadsUntil = Integer.MAX_VALUE;
    volatile Duration lastRequestTimeout;
    volatile DeviceInfo info = new DeviceInfo("OT SDK", "Fake device", "1.0", Map.of("serial", "42"));

    private FakeDevice() {
    }

    /**
     * @param host the host of a {@code fake://} URI
     * @return its device, created empty on first use
     */
    public static FakeDevice named(String host) {
        return DEVICES.computeIfAbsent(host, h -> new FakeDevice());
    }

    /** Forgets every device; tests call it first. */
    public static void resetAll() {
        DEVICES.clear();
    }

    /**
     * @param name the value's name, as in {@code v:<name>}
     * @param value its value; reads convert it to the tag's type
     * @return this device
     */
    public FakeDevice set(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /**
     * @param name a value's name
     * @return the value, e.g. after a write
     */
    public Object get(String name) {
        return values.get(name);
    }

    /** @return every write as {@code name=value}, in order */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /**
     * @param name a value whose writes the device refuses
     * @return this device
     */
    public FakeDevice refuseWrites(String name) {
        refusedWrites.add(name);
        return this;
    }

    /**
     * @param failure what connecting fails with
     * @return this device
     */
    public FakeDevice failConnect(OtException failure) {
        connectFailure = failure;
        return this;
    }

    /**
     * Makes reads number {@code from} (1-based) up to but excluding {@code until} time out.
     *
     * @param from the first failing read
     * @param until the first read that works again
     * @return this device
     */
    public FakeDevice failReads(int from, int until) {
        failReadsFrom = from;
        failReadsUntil = until;
        return this;
    }

    /** @return the request timeout the last session to this device was opened with */
    public Duration lastRequestTimeout() {
        return lastRequestTimeout;
    }

    /** @return read requests served so far */
    public int reads() {
        return reads.get();
    }
}
