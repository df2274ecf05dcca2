package dev.otsdk.cli.fake;

import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.Status;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.ValueConversionException;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import dev.otsdk.spi.RequestPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A connection that answers at once from the device's map; one request per read or write batch. */
final class FakeConnection implements DriverConnection, RequestPlanner {

    static final Status NO_SUCH_VALUE = new Status(2, "NO_SUCH_VALUE", "the device has no value of that name");
    static final Status WRONG_TYPE = new Status(3, "WRONG_TYPE", "the value does not fit the tag's type");
    static final Status REFUSED = new Status(4, "REFUSED", "the device refused the write");

    private record Reads(List<BoundTag> tags) implements PlannedRead {
    }

    private record Writes(List<BoundWrite> writes) implements PlannedWrite {
    }

    private final FakeDevice device;
    private final Clock clock;

    FakeConnection(FakeDevice device, Clock clock) {
        this.device = device;
        this.clock = clock;
    }

    @Override
    public RequestPlanner planner() {
        return this;
    }

    @Override
    public List<? extends PlannedRead> planReads(List<BoundTag> tags) {
        return List.of(new Reads(tags));
    }

    @Override
    public List<? extends PlannedWrite> planWrites(List<BoundWrite> writes) {
        return List.of(new Writes(writes));
    }

    @Override
    public CompletableFuture<List<TagValue<?>>> read(PlannedRead read) {
        int n = device.reads.incrementAndGet();
        if (n >= device.failReadsFrom && n < device.failReadsUntil) {
            return CompletableFuture.failedFuture(new OtTimeoutException("fake read #" + n, Duration.ofMillis(1)));
        }
        Instant now = clock.instant();
        List<TagValue<?>> out = new ArrayList<>();
        for (BoundTag t : read.tags()) {
            FakeSession.Address a = t.address(FakeSession.Address.class);
            Object stored = device.values.get(a.name());
            if (stored == null) {
                out.add(t.bad(NO_SUCH_VALUE, now));
                continue;
            }
            try {
                out.add(t.good(a.type().convert(stored), now));
            } catch (ValueConversionException e) {
                out.add(t.bad(WRONG_TYPE, now));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<List<Status>> write(PlannedWrite write) {
        List<Status> out = new ArrayList<>();
        for (BoundWrite w : write.writes()) {
            String name = w.address(FakeSession.Address.class).name();
            if (device.refusedWrites.contains(name)) {
                out.add(REFUSED);
                continue;
            }
            device.values.put(name, w.value());
            device.writes.add(name + "=" + w.value());
            out.add(Status.GOOD);
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<DeviceInfo> deviceInfo() {
        return CompletableFuture.completedFuture(device.info);
    }

    @Override
    public CompletableFuture<Void> close() {
        return CompletableFuture.completedFuture(null);
    }
}
