package dev.otsdk.cli;

import java.util.List;

/** The demo's sections in the order they run; a static list, so the demo's story is written here. */
final class DemoSections {

    private DemoSections() {
    }

    /** @return every section, available or not */
    static List<DemoSection> all() {
        // Modbus and S7 sections are added here as ot-sdk-modbus and ot-sdk-s7 land.
        return List.of(new OpcUaDemoSection());
    }
}
