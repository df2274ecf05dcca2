package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/** Splits a TCP byte stream into {@link ModbusFrame}s by the MBAP length field. Not sharable. */
public final class MbapFrameDecoder extends ByteToMessageDecoder {

    /** Creates a decoder. */
    public MbapFrameDecoder() {
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ModbusFrame frame;
        while ((frame = MbapCodec.decode(in)) != null) {
            out.add(frame);
        }
    }
}
