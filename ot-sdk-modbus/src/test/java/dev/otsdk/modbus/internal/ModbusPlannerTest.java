package dev.otsdk.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coalescing within limits and gaps; write packing in the caller's order. */
class ModbusPlannerTest {

    static final ModbusSettings DEFAULTS = new ModbusSettings(1, 4, 100, 125, 2000, 16, false);

    static List<BoundTag> tags(String... specs) {
        List<BoundTag> out = new ArrayList<>();
        for (String s : specs) {
            Tag<?> t = Tag.parse(s);
            out.add(new BoundTag(out.size(), t, AddressParser.parse(t, 1, 125, 2000)));
        }
        return out;
    }

    static BoundWrite write(int index, String spec, Object value) {
        Tag<?> t = Tag.parse(spec);
        ModbusAddress a = AddressParser.parse(t, 1, 125, 2000);
        return new BoundWrite(index, t, a, a.type().convert(value));
    }

    @Test
    void coalescesByUnitAndTableWithinTheGap() {
        List<ReadPlan> plans = new ModbusPlanner(DEFAULTS).planReads(tags("holding:20:float32", "holding:0",
                "holding:10", "coil:3", "coil:0", "holding:100", "2/holding:0", "input:0"));

        assertThat(plans).extracting(p -> p.unit() + "/" + p.table() + ":" + p.start() + "x" + p.quantity())
                .containsExactlyInAnyOrder("1/HOLDING:0x22", "1/HOLDING:100x1", "1/COIL:0x4", "2/HOLDING:0x1",
                        "1/INPUT:0x1");
        assertThat(plans.get(0).tags()).extracting(BoundTag::index).containsExactly(1, 2, 0);
    }

    @Test
    void respectsThePerDeviceLimitAndOverlaps() {
        ModbusSettings small = new ModbusSettings(1, 4, 100, 10, 2000, 100, false);
        List<ReadPlan> plans = new ModbusPlanner(small).planReads(tags("holding:0:int64", "holding:2:int32",
                "holding:6", "holding:9", "holding:10"));

        assertThat(plans).extracting(p -> p.start() + "x" + p.quantity()).containsExactly("0x10", "10x1");
    }

    @Test
    void zeroGapOnlyMergesAdjacentTags() {
        ModbusSettings noGap = new ModbusSettings(1, 4, 100, 125, 2000, 0, false);
        assertThat(new ModbusPlanner(noGap).planReads(tags("holding:0", "holding:1", "holding:3"))).hasSize(2);
    }

    @Test
    void writesPackAdjacentValuesInOrderAndUseSingleFunctionsOtherwise() {
        List<WritePlan> plans = new ModbusPlanner(DEFAULTS).planWrites(List.of(write(0, "holding:0", 1),
                write(1, "holding:1:int32", 2), write(2, "holding:10", 3), write(3, "coil:1", true),
                write(4, "coil:2[2]", new boolean[] {true, false}), write(5, "holding:4.1", true)));

        assertThat(plans).extracting(WritePlan::function).containsExactly(FunctionCodes.WRITE_MULTIPLE_REGISTERS,
                FunctionCodes.WRITE_SINGLE_REGISTER, FunctionCodes.WRITE_MULTIPLE_COILS,
                FunctionCodes.MASK_WRITE_REGISTER);
        assertThat(plans.get(0).quantity()).isEqualTo(3);
        assertThat(plans.get(2).quantity()).isEqualTo(3);
    }

    @Test
    void forceMultipleAndReadOnlyAreas() {
        ModbusSettings force = new ModbusSettings(1, 4, 100, 125, 2000, 16, true);
        assertThat(new ModbusPlanner(force).planWrites(List.of(write(0, "holding:0", 1), write(1, "coil:9", true))))
                .extracting(WritePlan::function).containsExactly(16, 15);
        assertThatThrownBy(() -> new ModbusPlanner(DEFAULTS).planWrites(List.of(write(0, "discrete:0", true))))
                .isInstanceOf(TagAddressException.class).hasMessageContaining("read-only");
    }
}
