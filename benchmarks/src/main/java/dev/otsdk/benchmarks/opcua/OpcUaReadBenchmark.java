package dev.otsdk.benchmarks.opcua;

import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Read throughput, blocking calls one after the other: the SDK (typed tags, per-tag results,
 * timestamps) against Milo's own client reading the same nodes of the same emulator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpcUaReadBenchmark {

    private static final int BATCH = 50;

    private OpcUaFixture fixture;
    private Tag<Double> one;
    private List<Tag<Double>> batch;
    private NodeId oneNode;
    private List<NodeId> batchNodes;

    /** Starts the emulator and connects both clients. */
    @Setup
    public void setUp() {
        fixture = OpcUaFixture.fixed();
        one = fixture.tags(1).get(0);
        batch = fixture.tags(BATCH);
        oneNode = fixture.nodeIds(1).get(0);
        batchNodes = fixture.nodeIds(BATCH);
    }

    /** Closes everything. */
    @TearDown
    public void tearDown() {
        fixture.close();
    }

    /**
     * One tag through the SDK.
     *
     * @return the value
     */
    @Benchmark
    public TagValue<Double> sdkReadOne() {
        return fixture.session.read(one);
    }

    /**
     * One node through Milo.
     *
     * @return the value
     * @throws Exception if Milo fails
     */
    @Benchmark
    public DataValue miloReadOne() throws Exception {
        return fixture.milo.readValue(0, TimestampsToReturn.Both, oneNode);
    }

    /**
     * {@value #BATCH} tags in one request through the SDK.
     *
     * @return the values
     */
    @Benchmark
    public ReadResult sdkReadBatch() {
        return fixture.session.read(batch);
    }

    /**
     * {@value #BATCH} nodes in one request through Milo.
     *
     * @return the values
     * @throws Exception if Milo fails
     */
    @Benchmark
    public List<DataValue> miloReadBatch() throws Exception {
        return fixture.milo.readValues(0, TimestampsToReturn.Both, batchNodes);
    }
}
