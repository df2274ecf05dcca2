package dev.otsdk.modbus.internal;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.Status;
import dev.otsdk.api.TagValue;
import dev.otsdk.modbus.DeviceIdentification;
import dev.otsdk.modbus.ModbusExceptionCode;
import dev.otsdk.modbus.ModbusStatistics;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import dev.otsdk.spi.RequestPlanner;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One live Modbus connection: reads, writes and the extension's calls go through its window. */
final class ModbusConnection implements DriverConnection {

    private static final int MAX_DEVICE_ID_PAGES = 64;

    private final Channel channel;
    private final ClientHandler handler;
    private final ModbusPlanner planner;
    private final Duration timeout;
    private final boolean rtu;
    private final int defaultUnit;
    private final String where;
    private volatile boolean closeRequested;

    ModbusConnection(Channel channel, ClientHandler handler, ModbusPlanner planner, Duration timeout, boolean rtu,
            int defaultUnit, String where, ConnectionListener listener) {
        this.defaultUnit = defaultUnit;
        this.channel = channel;
        this.handler = handler;
        this.planner = planner;
        this.timeout = timeout;
        this.rtu = rtu;
        this.where = where;
        channel.closeFuture().addListener(f -> {
            Throwable cause = handler.failure();
            ConnectionLostException lost = new ConnectionLostException("connection to " + where + " "
                    + (closeRequested ? "closed" : cause == null ? "closed by the device" : "lost: " + cause.getMessage()),
                    cause);
            handler.window().failAll(lost);
            if (!closeRequested) {
                listener.closed(lost);
            }
        });
    }

    /**
     * Sends one call through the window.
     *
     * @param call the call
     * @param <T> its result type
     * @return the result, or a failure: device exception, timeout, connection lost, malformed response
     */
    <T> CompletableFuture<T> send(ModbusCall<T> call) {
        CompletableFuture<T> f = handler.submit(call, timeout);
        if (rtu) {
            // RTU frames carry no transaction id: after a timeout a late answer could not be told from
            // the next request's, so the connection is dropped (and reconnected by the runtime).
            f.whenComplete((r, e) -> {
                if (e instanceof OtTimeoutException) {
                    channel.close();
                }
            });
        }
        return f;
    }

    ModbusStatistics statistics() {
        var w = handler.window();
        return new ModbusStatistics(w.inFlight(), w.queued(), w.timeouts(), w.lateResponses(), w.strayResponses());
    }

    @Override
    public RequestPlanner planner() {
        return planner;
    }

    /** Every call goes through the InFlightWindow, whose timeout covers queueing and flight. */
    @Override
    public boolean enforcesTimeouts() {
        return true;
    }

    @Override
    public CompletableFuture<List<TagValue<?>>> read(PlannedRead read) {
        return send(new ReadCall((ReadPlan) read));
    }

    @Override
    public CompletableFuture<List<Status>> write(PlannedWrite write) {
        return send(new WriteCall((WritePlan) write));
    }

    @Override
    public CompletableFuture<DeviceInfo> deviceInfo() {
        return readDeviceIdentification(-1).thenApply(id -> {
            Map<String, String> props = new LinkedHashMap<>();
            id.objects().forEach((k, v) -> props.put(DeviceIdentification.objectName(k), v));
            String product = id.objects().getOrDefault(4, id.productCode());
            return new DeviceInfo(id.vendorName(), product, id.revision(), props);
        });
    }

    /**
     * Reads all device identification objects: extended first, basic if the device refuses that.
     *
     * @param unit the unit, or -1 for the session default
     * @return the objects
     */
    CompletableFuture<DeviceIdentification> readDeviceIdentification(int unit) {
        int u = unit < 0 ? defaultUnit : unit;
        Map<Integer, String> objects = new LinkedHashMap<>();
        return pages(u, 3, 0, objects, 0).handle((conformity, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(new DeviceIdentification(conformity, objects));
            }
            Throwable c = e instanceof CompletionException ? e.getCause() : e;
            if (c instanceof DeviceException de && (de.status().code() == ModbusExceptionCode.ILLEGAL_DATA_VALUE.code()
                    || de.status().code() == ModbusExceptionCode.ILLEGAL_DATA_ADDRESS.code())) {
                objects.clear();
                return pages(u, 1, 0, objects, 0).thenApply(cl -> new DeviceIdentification(cl, objects));
            }
            return CompletableFuture.<DeviceIdentification>failedFuture(c);
        }).thenCompose(x -> x);
    }

    private CompletableFuture<Integer> pages(int unit, int code, int from, Map<Integer, String> objects, int page) {
        return send(new ExtensionCalls.DeviceId(unit, code, from)).thenCompose(p -> {
            objects.putAll(p.objects());
            if (!p.moreFollows()) {
                return CompletableFuture.completedFuture(p.conformity());
            }
            if (page + 1 >= MAX_DEVICE_ID_PAGES || p.nextObjectId() <= from) {
                return CompletableFuture.failedFuture(new dev.otsdk.api.OtException("Modbus FC43/14 unit " + unit
                        + " on " + where + ": device identification does not advance (next object "
                        + p.nextObjectId() + " after " + from + ")"));
            }
            return pages(unit, code, p.nextObjectId(), objects, page + 1);
        });
    }

    @Override
    public CompletableFuture<Void> close() {
        closeRequested = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.close().addListener(f -> done.complete(null));
        return done;
    }
}
