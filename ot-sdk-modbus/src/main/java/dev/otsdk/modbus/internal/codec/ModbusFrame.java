package dev.otsdk.modbus.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One decoded Modbus frame: MBAP or RTU header fields and the PDU (function code first) as a retained
 * slice of the received buffer, so the payload is never copied. Whoever receives it releases it.
 */
public final class ModbusFrame extends DefaultByteBufHolder {

    /** The transaction id of RTU frames, which have none. */
    public static final int NO_TRANSACTION = -1;

    private final int transactionId;
    private final int unitId;

    /**
     * Creates a frame.
     *
     * @param transactionId the MBAP transaction id, or {@link #NO_TRANSACTION} for RTU
     * @param unitId the unit id (RTU: slave address)
     * @param pdu the PDU, function code first; ownership passes to the frame
     */
    public ModbusFrame(int transactionId, int unitId, ByteBuf pdu) {
        super(pdu);
        this.transactionId = transactionId;
        this.unitId = unitId;
    }

    /** @return the MBAP transaction id, or {@link #NO_TRANSACTION} for RTU */
    public int transactionId() {
        return transactionId;
    }

    /** @return the unit id */
    public int unitId() {
        return unitId;
    }

    /** @return the PDU, function code first; not retained for the caller */
    public ByteBuf pdu() {
        return content();
    }

    /** @return the function code, the PDU's first byte */
    public int functionCode() {
        ByteBuf pdu = content();
        return pdu.getUnsignedByte(pdu.readerIndex());
    }

    @Override
    public String toString() {
        return "ModbusFrame[tid=" + transactionId + ", unit=" + unitId + ", pdu=" + content().readableBytes()
                + " bytes]";
    }
}
