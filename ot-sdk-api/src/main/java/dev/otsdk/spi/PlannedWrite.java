package dev.otsdk.spi;

import java.util.List;

/** One protocol request planned by a {@link RequestPlanner} to write some tags. */
public interface PlannedWrite {

    /** @return the writes this request carries, in the order its outcomes are returned */
    List<BoundWrite> writes();
}
