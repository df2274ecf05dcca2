package dev.otsdk.opcua.internal;

import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import java.util.ArrayList;
import java.util.List;

/** Read and write requests chunked by the server's operation limits. */
final class Planned {

    private Planned() {
    }

    /** @param tags the tags of one Read request */
    record Read(List<BoundTag> tags) implements PlannedRead {
    }

    /** @param writes the values of one Write request */
    record Write(List<BoundWrite> writes) implements PlannedWrite {
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        if (items.size() <= size) {
            return List.of(items); // the runtime's lists are not changed while a request runs
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    /** The chunk size: the option, capped by the server's limit where it has one. */
    static int effective(int serverLimit, int option) {
        return serverLimit > 0 ? Math.min(serverLimit, option) : option;
    }
}
