package dev.otsdk.modbus.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Fuzz targets for the MBAP decoder, the PDU decoders and the RTU framer. {@code mvn verify} replays
 * the seed corpus under {@code src/test/resources/.../ModbusFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes (see the module README). The only acceptable failures are the codec's own exceptions; every
 * buffer is a pooled direct one so over-reads and leaks surface.
 */
class ModbusFuzzTest {

    private static ByteBuf copy(byte[] data) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(1, data.length));
        return b.writeBytes(data);
    }

    @FuzzTest(maxDuration = "30s")
    void mbapDecoder(byte[] data) {
        ByteBuf in = copy(data);
        try {
            ModbusFrame f;
            while ((f = MbapCodec.decode(in)) != null) {
                try {
                    assertThat(f.pdu().readableBytes()).isBetween(1, FunctionCodes.MAX_PDU);
                } finally {
                    f.release();
                }
            }
        } catch (ModbusFrameException expected) {
            // rejected with a clear message: fine
        } finally {
            in.release();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void rtuFramer(FuzzedDataProvider data) {
        RtuFramer.Direction direction = data.consumeBoolean() ? RtuFramer.Direction.REQUEST
                : RtuFramer.Direction.RESPONSE;
        ByteBuf in = copy(data.consumeRemainingAsBytes());
        try {
            ModbusFrame f;
            while ((f = RtuFramer.decode(in, direction)) != null) {
                try {
                    assertThat(f.pdu().readableBytes() + 3).isLessThanOrEqualTo(RtuFramer.MAX_FRAME);
                } finally {
                    f.release();
                }
            }
        } catch (ModbusFrameException expected) {
            // rejected with a clear message: fine
        } finally {
            in.release();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void pduDecoder(FuzzedDataProvider data) {
        int fc = data.consumeInt(1, 127);
        int quantity = data.consumeInt(0, 300);
        int address = data.consumeInt(0, 0xFFFF);
        int kind = data.consumeInt(0, 6);
        byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length == 0) {
            return;
        }
        ByteBuf pdu = copy(bytes);
        try {
            switch (kind) {
                case 0 -> ResponsePdus.exceptionCode(pdu, fc);
                case 1 -> {
                    int at = ResponsePdus.readData(pdu, fc, quantity);
                    assertThat(at + quantity).isLessThanOrEqualTo(pdu.writerIndex());
                }
                case 2 -> ResponsePdus.checkWriteEcho(pdu, fc, address, quantity);
                case 3 -> ResponsePdus.checkMaskEcho(pdu, address, quantity, fc);
                case 4 -> ResponsePdus.deviceId(pdu, quantity & 0xFF);
                case 5 -> ResponsePdus.diagnosticsData(pdu, address, quantity);
                default -> {
                    RequestPdu q = RequestPdu.parse(pdu);
                    assertThat(q.dataIndex() + q.dataLength()).isLessThanOrEqualTo(pdu.writerIndex());
                }
            }
        } catch (MalformedPduException expected) {
            // rejected with a clear message: fine
        } finally {
            pdu.release();
        }
    }
}
