package dev.otsdk.cli;

import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Session;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.spi.WordOrder;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusSimulation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The Modbus part of {@code otsdk demo}: typed reads (a float with CDAB), a write, a subscription, identity. */
final class ModbusDemo implements DemoSection {

    private static final int CHANGES = 3;

    @Override
    public String name() {
        return "Modbus TCP";
    }

    @Override
    public boolean available() {
        return true; // the driver and its emulator are dependencies of otsdk
    }

    @Override
    public void run(OtClient client, PrintWriter out) {
        try (ModbusEmulator plc = ModbusEmulator.builder().simulationInterval(Duration.ofMillis(50)).build()) {
            plc.holding(100).setFloat32(21.5f, WordOrder.CDAB);
            plc.holding(102).setInt32(-40_000);
            plc.holding(110).setString("PUMP-07", 12, false);
            plc.coil(0).set(true, false, true, true);
            plc.simulate(ModbusSimulation.counter(1, 0, Duration.ofMillis(200)));
            plc.start();
            out.println("Started a Modbus TCP emulator at " + plc.uri() + " (unit 1).");
            try (Session s = client.connect(plc.uri() + "?unit=1&timeout=2s")) {
                read(s, out);
                write(s, out);
                subscribe(s, out);
                DeviceInfo id = s.deviceInfo();
                out.println("Device identification (FC 43/14): " + id.vendor() + " " + id.product() + " "
                        + id.version());
            }
        }
    }

    private static void read(Session s, PrintWriter out) {
        List<Tag<?>> tags = List.of(Tag.parse("holding:100@CDAB:float32"), Tag.parse("holding:102:int32"),
                Tag.parse("holding:110:string(12)"), Tag.parse("coil:0[4]"));
        out.println("Read 4 tags in 2 requests (the registers coalesced into one, the coils in another):");
        ReadResult r = s.read(tags);
        for (TagValue<?> v : r.values()) {
            out.println("  " + v);
        }
    }

    private static void write(Session s, PrintWriter out) {
        Tag<Integer> setpoint = Tag.of("holding:120", DataType.UINT16);
        s.write(setpoint, 42);
        out.println("Wrote 42 to holding:120 (FC 6); read back: " + s.read(setpoint).value());
    }

    private static void subscribe(Session s, PrintWriter out) {
        BlockingQueue<TagValue<?>> changes = new LinkedBlockingQueue<>();
        out.println("Subscribed to holding:0 (a counter the emulator advances every 200 ms), polled every 50 ms:");
        Subscription sub = s.subscribe(List.of(Tag.parse("holding:0")), SubscriptionOptions.every(Duration.ofMillis(50)),
                changes::add);
        try {
            for (int i = 0; i < CHANGES; i++) {
                TagValue<?> v = changes.poll(5, TimeUnit.SECONDS);
                if (v == null) {
                    out.println("  (no change within 5 s)");
                    break;
                }
                out.println("  " + v);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sub.close();
        }
    }
}
