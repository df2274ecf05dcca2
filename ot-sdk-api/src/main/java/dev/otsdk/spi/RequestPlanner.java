package dev.otsdk.spi;

import java.util.List;

/**
 * Packs tags into the fewest protocol requests the device allows: Modbus contiguous ranges within 125
 * registers with a gap limit, S7 items within the negotiated PDU, OPC UA chunks within the server's
 * operation limits.
 *
 * <p>The runtime calls the planner for every read and write, and again with single tags when a
 * coalesced request fails with a {@link dev.otsdk.api.DeviceException}, so that only the tag at fault is
 * reported BAD. Planners must be fast and side-effect free.
 */
public interface RequestPlanner {

    /**
     * Plans reads.
     *
     * @param tags the tags to read; every tag must appear in exactly one planned read
     * @return the requests
     */
    List<? extends PlannedRead> planReads(List<BoundTag> tags);

    /**
     * Plans writes, keeping the caller's order for writes to overlapping addresses.
     *
     * @param writes the writes; every write must appear in exactly one planned write
     * @return the requests
     */
    List<? extends PlannedWrite> planWrites(List<BoundWrite> writes);
}
