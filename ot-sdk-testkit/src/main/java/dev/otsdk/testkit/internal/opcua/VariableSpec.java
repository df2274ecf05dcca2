package dev.otsdk.testkit.internal.opcua;

import dev.otsdk.testkit.OpcUaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * One variable of the emulator's address space.
 *
 * @param path slash-separated path, also the NodeId's string identifier
 * @param type the OPC UA type
 * @param array whether values are one-dimensional arrays
 * @param initial the initial plain value
 * @param writable whether clients may write it
 * @param euRange {low, high} for an AnalogItemType variable with an EURange, or {@code null}
 * @param period how often {@code generator} recomputes the value, or {@code null}
 * @param generator the value at a point in time, or {@code null}
 */
public record VariableSpec(String path, OpcUaType type, boolean array, Object initial, boolean writable,
        double[] euRange, Duration period, Function<Instant, Object> generator) {

    /**
     * Checks the components.
     *
     * @param path the path
     * @param type the type
     * @param array array or scalar
     * @param initial the initial value
     * @param writable writable
     * @param euRange the engineering range or {@code null}
     * @param period the generator period or {@code null}
     * @param generator the generator or {@code null}
     */
    public VariableSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("a path like Folder/Name is needed, got '" + path + "'");
        }
        MiloValues.toMilo(type, array, initial); // fails early on a value that does not fit
    }

    /**
     * Returns the folder part of the path.
     *
     * @return e.g. {@code Plant/Line1} for {@code Plant/Line1/Temp}, empty at the top
     */
    public String folder() {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /**
     * Returns the last path segment.
     *
     * @return the name
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
