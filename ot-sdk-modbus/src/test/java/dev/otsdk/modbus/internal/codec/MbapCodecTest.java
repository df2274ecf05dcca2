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

/** MBAP framing: round trip, split and merged TCP segments, bounds checked before anything is taken. */
class MbapCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void roundTripKeepsHeaderFieldsAndThePduIsASliceOfTheReceivedBuffer() {
        ByteBuf out = Unpooled.buffer();
        MbapCodec.writeHeader(out, 0xBEEF, 17, 5);
        out.writeBytes(HEX.parseHex("0300640002"));
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder());

        ch.writeInbound(out);
        ModbusFrame f = ch.readInbound();

        assertThat(f.transactionId()).isEqualTo(0xBEEF);
        assertThat(f.unitId()).isEqualTo(17);
        assertThat(f.functionCode()).isEqualTo(3);
        assertThat(ByteBufUtil.hexDump(f.pdu())).isEqualTo("0300640002");
        assertThat(f.pdu().unwrap()).isNotNull(); // a slice, not a copy
        f.release();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void framesSplitAcrossSegmentsAreReassembled() {
        byte[] frame = HEX.parseHex("000100000006010300000001");
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder());
        for (byte b : frame) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        ModbusFrame f = ch.readInbound();

        assertThat(f.transactionId()).isEqualTo(1);
        assertThat(f.pdu().readableBytes()).isEqualTo(5);
        f.release();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void framesMergedInOneSegmentAreSplit() {
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("00010000000301830200020000000401030200")));

        ModbusFrame a = ch.readInbound();
        ModbusFrame b = ch.readInbound();

        assertThat(ByteBufUtil.hexDump(a.pdu())).isEqualTo("8302");
        assertThat(b.transactionId()).isEqualTo(2);
        assertThat(ByteBufUtil.hexDump(b.pdu())).isEqualTo("030200");
        a.release();
        b.release();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aWrongProtocolIdIsRejected() {
        EmbeddedChannel ch = new EmbeddedChannel(new MbapFrameDecoder());

        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("00010001000601030000"))))
                .isInstanceOf(DecoderException.class).hasMessageContaining("protocol id must be 0 (Modbus), got 1");
        // the bad bytes stay in the cumulation: closing decodes them once more and fails again
        assertThat(org.assertj.core.api.Assertions.catchThrowable(ch::finishAndReleaseAll))
                .isInstanceOf(DecoderException.class);
    }

    @Test
    void lengthFieldsOutsideTheBoundsAreRejectedBeforeWaitingForThem() {
        assertThatThrownBy(() -> MbapCodec.decode(Unpooled.wrappedBuffer(HEX.parseHex("0001000000ff01"))))
                .isInstanceOf(ModbusFrameException.class).hasMessageContaining("2..254").hasMessageContaining("255");
        assertThatThrownBy(() -> MbapCodec.decode(Unpooled.wrappedBuffer(HEX.parseHex("00010000000101"))))
                .isInstanceOf(ModbusFrameException.class).hasMessageContaining("got 1");
        assertThatThrownBy(() -> MbapCodec.decode(Unpooled.wrappedBuffer(HEX.parseHex("000100008000010300"))))
                .isInstanceOf(ModbusFrameException.class);
    }

    @Test
    void anIncompleteFrameConsumesNothing() {
        ByteBuf in = Unpooled.wrappedBuffer(HEX.parseHex("0001000000060103"));

        assertThat(MbapCodec.decode(in)).isNull();
        assertThat(in.readerIndex()).isZero();
    }
}
