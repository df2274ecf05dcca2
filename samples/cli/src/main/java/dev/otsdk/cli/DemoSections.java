package dev.otsdk.cli;

import java.util.List;

/** The demo's sections in the order they run; a static list, so the demo's story is written here. */
final class DemoSections {

    private DemoSections() {
    }

    /** @return every section, available or not */
    static List<DemoSection> all() {
        // The S7 section is added here when ot-sdk-s7 lands.
        return List.of(new ModbusDemo(), new OpcUaDemoSection());
    }
}
