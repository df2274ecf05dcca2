package dev.otsdk.benchmarks.opcua;

import dev.otsdk.api.Subscription;
import dev.otsdk.api.SubscriptionListener;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.TagValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Data change notifications per second: every one of {@value OpcUaFixture#VARIABLES} variables changes
 * every 10 ms on the emulator; one subscription samples them every 10 ms. Each operation waits for
 * {@value #PER_OP} notifications delivered to the listener, through the SDK (converted, typed, delivered
 * on the callback threads) or through Milo's own subscription listener.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpcUaSubscriptionBenchmark {

    static final int PER_OP = 1000;
    static final Duration PERIOD = Duration.ofMillis(10);

    /** The emulator, shared by the two states of one trial. */
    @State(Scope.Benchmark)
    public static class Server {
        OpcUaFixture fixture;

        /** Starts the emulator with changing values. */
        @Setup(Level.Trial)
        public void start() {
            fixture = OpcUaFixture.changing(PERIOD);
        }

        /** Stops it. */
        @TearDown(Level.Trial)
        public void stop() {
            fixture.close();
        }
    }

    /** An SDK subscription counting notifications. */
    @State(Scope.Benchmark)
    public static class Sdk implements SubscriptionListener {
        final Semaphore received = new Semaphore(0);
        Subscription subscription;

        /**
         * Subscribes.
         *
         * @param server the emulator
         */
        @Setup(Level.Trial)
        public void subscribe(Server server) {
            subscription = server.fixture.session.subscribe(server.fixture.tags(OpcUaFixture.VARIABLES),
                    SubscriptionOptions.every(PERIOD).publishingInterval(PERIOD).queueSize(1), this);
        }

        /** Unsubscribes (a no-op if the fixture's teardown closed the session first). */
        @TearDown(Level.Trial)
        public void unsubscribe() {
            subscription.close();
        }

        @Override
        public void onValue(TagValue<?> value) {
            received.release();
        }
    }

    /** A Milo subscription counting notifications. */
    @State(Scope.Benchmark)
    public static class Milo {
        final Semaphore received = new Semaphore(0);
        OpcUaSubscription subscription;

        /**
         * Subscribes.
         *
         * @param server the emulator
         * @throws Exception if Milo fails
         */
        @Setup(Level.Trial)
        public void subscribe(Server server) throws Exception {
            subscription = new OpcUaSubscription(server.fixture.milo, PERIOD.toMillis());
            subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
                @Override
                public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items,
                        List<DataValue> values) {
                    received.release(values.size());
                }
            });
            subscription.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>();
            for (NodeId n : server.fixture.nodeIds(OpcUaFixture.VARIABLES)) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(n);
                item.setSamplingInterval(PERIOD.toMillis());
                item.setQueueSize(Unsigned.uint(1));
                items.add(item);
            }
            subscription.addMonitoredItems(items);
            subscription.createMonitoredItems();
        }

        /** Deletes the subscription, unless the fixture's teardown closed the client first. */
        @TearDown(Level.Trial)
        public void unsubscribe() {
            try {
                subscription.delete();
            } catch (Exception e) {
                // the session is already gone
            }
        }
    }

    /**
     * Waits for {@value #PER_OP} notifications through the SDK.
     *
     * @param server the emulator
     * @param sdk the subscription
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(PER_OP)
    public void sdkNotifications(Server server, Sdk sdk) throws InterruptedException {
        sdk.received.acquire(PER_OP);
    }

    /**
     * Waits for {@value #PER_OP} notifications through Milo.
     *
     * @param server the emulator
     * @param milo the subscription
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(PER_OP)
    public void miloNotifications(Server server, Milo milo) throws InterruptedException {
        milo.received.acquire(PER_OP);
    }
}
