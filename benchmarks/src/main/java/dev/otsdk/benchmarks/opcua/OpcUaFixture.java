package dev.otsdk.benchmarks.opcua;

import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * One emulator with {@value #VARIABLES} Double variables, plus an SDK session and a raw Milo client
 * connected to it the same way (securityPolicy None, anonymous).
 *
 * <p>The emulator runs on Milo's JVM-wide shared threads. The raw Milo client gets threads of its own,
 * as many as the SDK's {@code OtClient} has on this machine (2 I/O, 2 executor threads): left on
 * Milo's defaults it would share the server's threads, which the SDK does not, and the comparison
 * would measure the thread layout instead of the SDK's work.
 */
final class OpcUaFixture implements AutoCloseable {

    static final int VARIABLES = 200;

    final OpcUaEmulator emulator;
    final OtClient client;
    final Session session;
    final OpcUaClient milo;
    private final NioEventLoopGroup miloLoops = new NioEventLoopGroup(2, new DefaultThreadFactory("milo-io", true));
    private final ExecutorService miloExecutor = Executors.newFixedThreadPool(2,
            new DefaultThreadFactory("milo-exec", true));
    private final HashedWheelTimer miloTimer = new HashedWheelTimer(new DefaultThreadFactory("milo-timer", true));

    private OpcUaFixture(Duration generatePeriod) {
        OpcUaEmulator.Builder b = OpcUaEmulator.builder();
        for (int i = 0; i < VARIABLES; i++) {
            int n = i;
            if (generatePeriod == null) {
                b.variable(path(i), OpcUaType.DOUBLE, (double) i);
            } else {
                b.generated(path(i), OpcUaType.DOUBLE, generatePeriod, t -> t.toEpochMilli() + n / 1000.0);
            }
        }
        emulator = b.build();
        emulator.start();
        client = OtClient.create();
        try {
            session = client.connect(emulator.uri() + "?securityPolicy=None", SessionOptions.builder()
                    .pkiDirectory(Files.createTempDirectory("otsdk-bench-pki")).build());
            milo = OpcUaClient.create(emulator.uri(), endpoints -> endpoints.stream()
                    .filter(e -> Objects.equals(e.getSecurityPolicyUri(), SecurityPolicy.None.getUri()))
                    .findFirst(), t -> t.setEventLoop(miloLoops).setScheduledExecutor(miloLoops)
                    .setExecutor(miloExecutor).setWheelTimer(miloTimer), c -> { });
            milo.connect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect Milo's client", e);
        }
    }

    /** @return a fixture with fixed values */
    static OpcUaFixture fixed() {
        return new OpcUaFixture(null);
    }

    /** @return a fixture whose values all change every {@code period} */
    static OpcUaFixture changing(Duration period) {
        return new OpcUaFixture(period);
    }

    static String path(int i) {
        return "Bench/V" + i;
    }

    List<Tag<Double>> tags(int count) {
        List<Tag<Double>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Tag.of(emulator.nodeId(path(i)), DataType.FLOAT64));
        }
        return out;
    }

    List<NodeId> nodeIds(int count) {
        List<NodeId> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(NodeId.parse(emulator.nodeId(path(i))));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            milo.disconnect();
        } catch (Exception e) {
            // closing anyway
        }
        client.close();
        emulator.close();
        miloLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        miloExecutor.shutdown();
        miloTimer.stop();
    }
}
