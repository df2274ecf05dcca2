package dev.otsdk.benchmarks;

import dev.otsdk.testkit.ModbusEmulator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round trips against one and the same server, in this JVM on loopback: read 10 holding registers and
 * decode them, sequentially and with 64 requests in flight, for each client. Scores are requests per
 * second. Two servers: {@code raw}, a minimal responder, so that the figures compare the clients; and
 * {@code emulator}, the testkit's ModbusEmulator, whose own cost caps every client on a small machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoundTripBenchmark {

    static final int IN_FLIGHT = 64;

    /** Which client library. */
    @Param({"otsdk", "digitalpetri", "j2mod", "plc4x"})
    public String client;

    /** Which server: the minimal {@code raw} responder or the testkit's {@code emulator}. */
    @Param({"raw", "emulator"})
    public String server;

    private AutoCloseable running;
    private PeerClient peer;

    /** Starts the server and connects the client. */
    @Setup
    public void setup() throws Exception {
        int port;
        if (server.equals("raw")) {
            RawResponder raw = new RawResponder();
            running = raw;
            port = raw.port();
        } else {
            ModbusEmulator emulator = ModbusEmulator.builder().recordLimit(0).maxInFlight(1024).build();
            emulator.start();
            for (int i = 0; i < 10; i++) {
                emulator.holding(i).setUInt16(i * 7);
            }
            running = emulator;
            port = emulator.port();
        }
        peer = PeerClient.create(client, "127.0.0.1", port, IN_FLIGHT);
    }

    /** Disconnects and stops the server. */
    @TearDown
    public void tearDown() throws Exception {
        peer.close();
        running.close();
    }

    /** @return the registers of one request, waited for before the next is sent */
    @Benchmark
    public Object sequential() throws Exception {
        return peer.read();
    }

    /** @return after 64 requests were sent without waiting and all answered */
    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Object inFlight64() throws Exception {
        if (!peer.canPipeline()) {
            Object last = null;
            for (int i = 0; i < IN_FLIGHT; i++) {
                last = peer.read();
            }
            return last;
        }
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = peer.readAsync();
        }
        CompletableFuture.allOf(all).get(30, TimeUnit.SECONDS);
        return all[IN_FLIGHT - 1].join();
    }
}
