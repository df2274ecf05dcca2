package dev.otsdk.modbus.internal;

import dev.otsdk.api.TagAddressException;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.RequestPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces reads of one table and unit into the fewest ranges within the device's limits and the gap
 * limit; packs writes to adjacent addresses, in the caller's order, into FC 15/16 blocks.
 */
final class ModbusPlanner implements RequestPlanner {

    private final ModbusSettings settings;

    ModbusPlanner(ModbusSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<ReadPlan> planReads(List<BoundTag> tags) {
        if (tags.size() == 1) {
            ModbusAddress a = address(tags.get(0));
            return List.of(new ReadPlan(a.unit(), a.table(), a.offset(), a.quantity(), List.of(tags.get(0))));
        }
        Map<Long, List<BoundTag>> groups = new LinkedHashMap<>();
        for (BoundTag t : tags) {
            ModbusAddress a = address(t);
            groups.computeIfAbsent(((long) a.unit() << 8) | a.table().ordinal(), k -> new ArrayList<>()).add(t);
        }
        List<ReadPlan> out = new ArrayList<>();
        for (List<BoundTag> group : groups.values()) {
            group.sort(Comparator.comparingInt((BoundTag t) -> address(t).offset())
                    .thenComparingInt(t -> address(t).quantity()));
            ModbusAddress first = address(group.get(0));
            int limit = first.table().bits() ? settings.maxBits() : settings.maxRegisters();
            int start = first.offset();
            int end = first.end();
            List<BoundTag> current = new ArrayList<>();
            current.add(group.get(0));
            for (int i = 1; i < group.size(); i++) {
                BoundTag t = group.get(i);
                ModbusAddress a = address(t);
                int newEnd = Math.max(end, a.end());
                if (a.offset() - end <= settings.maxGap() && newEnd - start <= limit) {
                    end = newEnd;
                    current.add(t);
                } else {
                    out.add(new ReadPlan(first.unit(), first.table(), start, end - start, List.copyOf(current)));
                    current.clear();
                    current.add(t);
                    start = a.offset();
                    end = a.end();
                }
            }
            out.add(new ReadPlan(first.unit(), first.table(), start, end - start, List.copyOf(current)));
        }
        return out;
    }

    @Override
    public List<WritePlan> planWrites(List<BoundWrite> writes) {
        List<WritePlan> out = new ArrayList<>();
        List<BoundWrite> block = new ArrayList<>();
        ModbusAddress blockStart = null;
        int blockEnd = 0;
        for (BoundWrite w : writes) {
            ModbusAddress a = w.address(ModbusAddress.class);
            if (!a.table().writable()) {
                throw new TagAddressException(w.tag().spec(), 0, "a writable area, coil or holding: "
                        + a.table().text() + " is read-only");
            }
            if (a.isRegisterBit()) {
                flush(out, block, blockStart, blockEnd);
                block.clear();
                blockStart = null;
                out.add(new WritePlan(a.unit(), a.table(), FunctionCodes.MASK_WRITE_REGISTER, a.offset(), 1,
                        List.of(w)));
                continue;
            }
            int limit = a.table().bits() ? FunctionCodes.MAX_WRITE_BITS : FunctionCodes.MAX_WRITE_REGISTERS;
            if (a.quantity() > limit) {
                throw new TagAddressException(w.tag().spec(), -1, "at most " + limit + (a.table().bits() ? " coils"
                        : " registers") + " per write request; this tag spans " + a.quantity());
            }
            boolean joins = blockStart != null && blockStart.unit() == a.unit() && blockStart.table() == a.table()
                    && a.offset() == blockEnd && blockEnd + a.quantity() - blockStart.offset() <= limit;
            if (!joins) {
                flush(out, block, blockStart, blockEnd);
                block.clear();
                blockStart = a;
            }
            block.add(w);
            blockEnd = a.end();
        }
        flush(out, block, blockStart, blockEnd);
        return out;
    }

    private void flush(List<WritePlan> out, List<BoundWrite> block, ModbusAddress start, int end) {
        if (block.isEmpty()) {
            return;
        }
        int quantity = end - start.offset();
        boolean bits = start.table().bits();
        boolean single = quantity == 1 && !settings.forceMultiple()
                && !(bits && block.get(0).address(ModbusAddress.class).type().isArray());
        int fc = bits ? single ? FunctionCodes.WRITE_SINGLE_COIL : FunctionCodes.WRITE_MULTIPLE_COILS
                : single ? FunctionCodes.WRITE_SINGLE_REGISTER : FunctionCodes.WRITE_MULTIPLE_REGISTERS;
        out.add(new WritePlan(start.unit(), start.table(), fc, start.offset(), quantity, List.copyOf(block)));
    }

    private static ModbusAddress address(BoundTag t) {
        return t.address(ModbusAddress.class);
    }
}
