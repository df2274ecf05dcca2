package dev.otsdk.cli;

import dev.otsdk.api.OtClient;
import java.io.PrintWriter;

/**
 * One protocol's part of {@code otsdk demo}: it starts its in-process emulator, connects, reads,
 * writes and subscribes, and narrates what it does for a person reading along.
 *
 * <p>Sections are listed in {@link DemoSections}; add one there when a protocol module lands.
 */
interface DemoSection {

    /** @return the heading, e.g. {@code Modbus TCP} */
    String name();

    /**
     * @return whether the section can run with what is on the class path (its driver and emulator),
     *     checked without starting anything
     */
    boolean available();

    /**
     * Runs the section: starts and closes its own emulator, uses sessions of {@code client}.
     *
     * @param client the demo's shared client
     * @param out where the narrative goes
     */
    void run(OtClient client, PrintWriter out);
}
