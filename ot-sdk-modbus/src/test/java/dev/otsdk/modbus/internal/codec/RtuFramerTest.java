package dev.otsdk.modbus.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RTU framing: CRC-16, lengths by function code, split and merged segments, 256-byte bound. */
class RtuFramerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void crcMatchesTheSpecificationsExample() {
        // Modbus over serial line V1.02, 6.2.2: 01 03 00 00 00 0A -> CRC C5 CD (low byte first)
        ByteBuf b = Unpooled.wrappedBuffer(HEX.parseHex("01030000000a"));
        assertThat(Crc16.compute(b, 0, 6)).isEqualTo(0xCDC5);
        ByteBuf f = Unpooled.buffer().writeBytes(HEX.parseHex("01030000000a"));
        Crc16.append(f, 0);
        assertThat(ByteBufUtil.hexDump(f)).isEqualTo("01030000000ac5cd");
    }

    @Test
    void requestsAndResponsesOfEveryKnownFunctionCodeRoundTrip() {
        String[] responses = {"0103020a0b", "018302", "0106000a0102", "010f000a0010", "0116000100f20025",
            "01170400010002", "012b0e01830000020003414243010178", "0108000012345678"};
        for (String hex : responses) {
            ByteBuf f = frame(hex);
            ModbusFrame m = RtuFramer.decode(f, RtuFramer.Direction.RESPONSE);
            assertThat(m).as(hex).isNotNull();
            assertThat(ByteBufUtil.hexDump(m.pdu())).isEqualTo(hex.substring(2));
            assertThat(f.isReadable()).isFalse();
            m.release();
        }
        String[] requests = {"010300000001", "0110000a00020400010002", "011700000002000a0001020007", "012b0e0100",
            "0116000100f20025", "0141aabbcc"};
        for (String q : requests) {
            ModbusFrame m = RtuFramer.decode(frame(q), RtuFramer.Direction.REQUEST);
            assertThat(ByteBufUtil.hexDump(m.pdu())).as(q).isEqualTo(q.substring(2));
            m.release();
        }
    }

    @Test
    void splitAndMergedSegmentsThroughTheDecoder() {
        ByteBuf two = Unpooled.buffer().writeBytes(frame("0103020a0b")).writeBytes(frame("0106000a0102"));
        EmbeddedChannel ch = new EmbeddedChannel(new RtuFrameDecoder(RtuFramer.Direction.RESPONSE));
        while (two.isReadable()) {
            ch.writeInbound(two.readRetainedSlice(Math.min(3, two.readableBytes())));
        }
        two.release();

        ModbusFrame a = ch.readInbound();
        ModbusFrame b = ch.readInbound();
        assertThat(a.transactionId()).isEqualTo(ModbusFrame.NO_TRANSACTION);
        assertThat(ByteBufUtil.hexDump(b.pdu())).isEqualTo("06000a0102");
        a.release();
        b.release();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aCrcMismatchIsAFrameError() {
        ByteBuf f = frame("0103020a0b");
        f.setByte(3, 0x7F);
        EmbeddedChannel ch = new EmbeddedChannel(new RtuFrameDecoder(RtuFramer.Direction.RESPONSE));

        assertThatThrownBy(() -> ch.writeInbound(f)).isInstanceOf(DecoderException.class)
                .hasMessageContaining("RTU CRC mismatch");
        // the bad bytes stay in the cumulation: closing decodes them once more and fails again
        assertThat(org.assertj.core.api.Assertions.catchThrowable(ch::finishAndReleaseAll))
                .isInstanceOf(DecoderException.class);
    }

    @Test
    void aByteCountBeyond256BytesIsRejectedWithoutWaiting() {
        assertThatThrownBy(() -> RtuFramer.decode(Unpooled.wrappedBuffer(HEX.parseHex("0103ff")),
                RtuFramer.Direction.RESPONSE)).isInstanceOf(ModbusFrameException.class).hasMessageContaining("260");
        ByteBuf noise = Unpooled.buffer();
        for (int i = 0; i < 300; i++) {
            noise.writeByte(0x41);
        }
        assertThatThrownBy(() -> RtuFramer.decode(noise, RtuFramer.Direction.RESPONSE))
                .isInstanceOf(ModbusFrameException.class).hasMessageContaining("no RTU frame");
    }

    private static ByteBuf frame(String hex) {
        ByteBuf f = Unpooled.buffer().writeBytes(HEX.parseHex(hex));
        Crc16.append(f, 0);
        return f;
    }
}
