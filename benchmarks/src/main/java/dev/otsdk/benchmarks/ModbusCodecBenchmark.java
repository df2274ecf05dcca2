package dev.otsdk.benchmarks;

import dev.otsdk.modbus.internal.codec.Crc16;
import dev.otsdk.modbus.internal.codec.MbapCodec;
import dev.otsdk.modbus.internal.codec.ModbusFrame;
import dev.otsdk.modbus.internal.codec.ResponsePdus;
import dev.otsdk.modbus.internal.codec.RtuFramer;
import dev.otsdk.spi.WireValues;
import dev.otsdk.spi.WordOrder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Modbus codec on its own: encode a read request into a pooled buffer; decode a 10-register
 * response (MBAP and RTU with CRC) and read five float32 values straight from it. Run with
 * {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModbusCodecBenchmark {

    private ByteBuf out;
    private ByteBuf mbapResponse;
    private ByteBuf rtuResponse;
    private int tid;

    /** Builds the frames once. */
    @Setup
    public void setup() {
        out = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        mbapResponse = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        MbapCodec.writeHeader(mbapResponse, 1, 1, 22);
        writeReadResponse(mbapResponse);
        rtuResponse = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        rtuResponse.writeByte(1);
        writeReadResponse(rtuResponse);
        Crc16.append(rtuResponse, 0);
    }

    private static void writeReadResponse(ByteBuf b) {
        b.writeByte(3).writeByte(20);
        for (int i = 0; i < 5; i++) {
            b.writeFloat(i + 0.5f);
        }
    }

    /** Releases the buffers. */
    @TearDown
    public void tearDown() {
        out.release();
        mbapResponse.release();
        rtuResponse.release();
    }

    /** @return bytes written: MBAP header and an FC3 request straight into a pooled buffer */
    @Benchmark
    public int encodeReadRequest() {
        out.clear();
        MbapCodec.writeHeader(out, tid++ & 0xFFFF, 1, 5);
        out.writeByte(3).writeShort(100).writeShort(10);
        return out.writerIndex();
    }

    /** @return the sum of five float32s read straight from a decoded MBAP frame */
    @Benchmark
    public float decodeMbapReadResponse() {
        mbapResponse.readerIndex(0);
        ModbusFrame f = MbapCodec.decode(mbapResponse);
        try {
            return sum(f.pdu());
        } finally {
            f.release();
        }
    }

    /** @return the sum of five float32s read straight from a decoded, CRC-checked RTU frame */
    @Benchmark
    public float decodeRtuReadResponse() {
        rtuResponse.readerIndex(0);
        ModbusFrame f = RtuFramer.decode(rtuResponse, RtuFramer.Direction.RESPONSE);
        try {
            return sum(f.pdu());
        } finally {
            f.release();
        }
    }

    private static float sum(ByteBuf pdu) {
        int data = ResponsePdus.readData(pdu, 3, 20);
        float s = 0;
        for (int i = 0; i < 5; i++) {
            s += WireValues.getFloat32(pdu, data + i * 4, WordOrder.ABCD);
        }
        return s;
    }
}
