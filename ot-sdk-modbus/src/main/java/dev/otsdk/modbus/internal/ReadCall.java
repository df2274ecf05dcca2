package dev.otsdk.modbus.internal;

import dev.otsdk.api.TagValue;
import dev.otsdk.modbus.internal.codec.ResponsePdus;
import dev.otsdk.spi.BoundTag;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** FC 1/2/3/4 for a planned read; values are decoded straight from the response buffer. */
final class ReadCall extends ModbusCall<List<TagValue<?>>> {

    private final ReadPlan plan;

    ReadCall(ReadPlan plan) {
        super(plan.unit());
        this.plan = plan;
    }

    @Override
    int function() {
        return plan.table().readFunction();
    }

    @Override
    int pduLength() {
        return 5;
    }

    @Override
    void writePdu(ByteBuf out) {
        out.writeByte(function());
        out.writeShort(plan.start());
        out.writeShort(plan.quantity());
    }

    @Override
    List<TagValue<?>> decode(ByteBuf pdu, Instant received) {
        int bytes = plan.table().bits() ? (plan.quantity() + 7) / 8 : plan.quantity() * 2;
        int data = ResponsePdus.readData(pdu, function(), bytes);
        List<BoundTag> tags = plan.tags();
        List<TagValue<?>> out = new ArrayList<>(tags.size());
        for (BoundTag t : tags) {
            out.add(t.good(ValueCodec.decode(t.address(ModbusAddress.class), pdu, data, plan.start()), received));
        }
        return out;
    }

    @Override
    String describe() {
        return plan.describe();
    }
}
