package dev.otsdk.cli;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.DataType;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.testkit.OpcUaEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The OPC UA part of {@code otsdk demo}: a secure session to an in-process emulator. */
final class OpcUaDemoSection implements DemoSection {

    private static final int CHANGES = 5;

    @Override
    public String name() {
        return "OPC UA";
    }

    @Override
    public boolean available() {
        try {
            Class.forName("dev.otsdk.opcua.OpcUa", false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void run(OtClient client, PrintWriter out) {
        try (OpcUaEmulator plc = new OpcUaEmulator()) {
            plc.start();
            out.println("Started an OPC UA emulator (Eclipse Milo) at " + plc.uri());
            Path pki = tempPki();
            out.println("Connecting with securityPolicy=auto; the emulator's certificate is trusted up front with"
                    + " SessionOptions.trust(...), the client certificate is generated once in " + pki);
            SessionOptions options = SessionOptions.builder().pkiDirectory(pki).trust(plc.certificate()).build();
            try (TempTree cleanup = new TempTree(pki); Session s = client.connect(plc.uri(), options)) {
                DeviceInfo info = s.deviceInfo();
                out.println("  negotiated " + info.properties().get("securityPolicy") + " / "
                        + info.properties().get("securityMode") + " with " + info.product()
                        + " " + info.version() + " (state " + info.properties().get("state") + ")");
                read(s, plc, out);
                write(s, plc, out);
                subscribe(s, plc, out);
                browse(s, plc, out);
            }
        }
    }

    private static void read(Session s, OpcUaEmulator plc, PrintWriter out) {
        out.println("Reading five types in one request:");
        List<Tag<?>> tags = List.of(Tag.of(plc.nodeId("Demo/Scalars/Double"), DataType.FLOAT64),
                Tag.of(plc.nodeId("Demo/Scalars/UInt16"), DataType.UINT16),
                Tag.of(plc.nodeId("Demo/Scalars/String"), DataType.STRING),
                Tag.of(plc.nodeId("Demo/Scalars/DateTime"), DataType.DATETIME),
                Tag.of(plc.nodeId("Demo/Arrays/Int16"), DataType.INT16.array()));
        for (TagValue<?> v : s.read(tags)) {
            out.println("  " + v);
        }
    }

    private static void write(Session s, OpcUaEmulator plc, PrintWriter out) {
        Tag<Integer> tag = Tag.of(plc.nodeId("Demo/Scalars/Int32"), DataType.INT32);
        s.write(tag, 1234);
        out.println("Wrote 1234 to " + tag.address() + ", read back " + s.read(tag).value()
                + "; the emulator saw " + plc.value("Demo/Scalars/Int32"));
    }

    private static void subscribe(Session s, OpcUaEmulator plc, PrintWriter out) {
        Tag<Double> sine = Tag.of(plc.nodeId("Demo/Dynamic/Sine"), DataType.FLOAT64);
        out.println("Subscribing to " + sine.address() + " (sampled every 100 ms, absolute deadband 0.25):");
        CountDownLatch seen = new CountDownLatch(CHANGES);
        SubscriptionOptions options = SubscriptionOptions.every(Duration.ofMillis(100))
                .deadband(Deadband.absolute(0.25));
        try (Subscription sub = s.subscribe(List.of(sine), options, v -> {
            if (seen.getCount() > 0) {
                synchronized (out) {
                    out.println(String.format(Locale.ROOT, "  %+.3f at %s", (Double) v.value(),
                            v.sourceTime().map(Object::toString).orElse("?")));
                }
                seen.countDown();
            }
        })) {
            if (!sub.isActive()) {
                out.println("  (the subscription ended before any change)");
            } else if (!seen.await(10, TimeUnit.SECONDS)) {
                out.println("  (fewer changes than expected within 10 s)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void browse(Session s, OpcUaEmulator plc, PrintWriter out) {
        out.println("Browsing " + plc.nodeId("Demo") + ":");
        for (BrowseNode n : s.browse(plc.nodeId("Demo"))) {
            out.println("  " + n.displayName() + " (" + n.kind().name().toLowerCase(Locale.ROOT) + ", "
                    + children(s.browse(n.address()).size()) + ")");
        }
    }

    private static Path tempPki() {
        try {
            return Files.createTempDirectory("otsdk-demo-pki-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String children(int n) {
        return n == 1 ? "1 child" : n + " children";
    }

    /** Deletes the demo's throw-away PKI folder when the demo is done with it. */
    private record TempTree(Path root) implements AutoCloseable {
        @Override
        public void close() {
            try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }
}
