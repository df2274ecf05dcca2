package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/** Splits a byte stream of RTU frames into {@link ModbusFrame}s, checking each CRC. Not sharable. */
public final class RtuFrameDecoder extends ByteToMessageDecoder {

    private final RtuFramer.Direction direction;

    /**
     * Creates a decoder.
     *
     * @param direction {@code RESPONSE} in a client, {@code REQUEST} in a server
     */
    public RtuFrameDecoder(RtuFramer.Direction direction) {
        this.direction = direction;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ModbusFrame frame;
        while ((frame = RtuFramer.decode(in, direction)) != null) {
            out.add(frame);
        }
    }
}
