package dev.otsdk.spi;

import java.util.List;

/**
 * One protocol request planned by a {@link RequestPlanner} to read some tags. Drivers implement it with
 * whatever their request needs (area, start, quantity…); the runtime only needs the tags.
 */
public interface PlannedRead {

    /** @return the tags this request reads, in the order its results are returned */
    List<BoundTag> tags();
}
