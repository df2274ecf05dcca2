package dev.otsdk.spi;

import dev.otsdk.api.ConfigurationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A driver's options for one session, parsed and range-checked against its {@link OptionSpec}s, with
 * defaults filled in. Reading an option the driver did not declare is a programming error.
 */
public final class DriverOptions {

    private final Map<String, Object> values;
    private final Map<String, OptionSpec> specs;

    /**
     * Creates the options.
     *
     * @param specs the declared options by name
     * @param values parsed values by name (only options that were given or have defaults)
     */
    public DriverOptions(Map<String, OptionSpec> specs, Map<String, Object> values) {
        this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param name a declared INT option
     * @return its value
     * @throws ConfigurationException if it has no value and no default
     */
    public long getLong(String name) {
        return (Long) require(name, OptionSpec.Type.INT);
    }

    /**
     * @param name a declared INT option whose range fits an int
     * @return its value
     * @throws ConfigurationException if it has no value and no default
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * @param name a declared DURATION option
     * @return its value
     * @throws ConfigurationException if it has no value and no default
     */
    public Duration getDuration(String name) {
        return (Duration) require(name, OptionSpec.Type.DURATION);
    }

    /**
     * @param name a declared BOOL option
     * @return its value
     * @throws ConfigurationException if it has no value and no default
     */
    public boolean getBool(String name) {
        return (Boolean) require(name, OptionSpec.Type.BOOL);
    }

    /**
     * @param name a declared STRING or CHOICE option
     * @return its value
     * @throws ConfigurationException if it has no value and no default
     */
    public String getString(String name) {
        OptionSpec spec = spec(name);
        if (spec.type() != OptionSpec.Type.STRING && spec.type() != OptionSpec.Type.CHOICE) {
            throw new IllegalArgumentException("option " + name + " is " + spec.type() + ", not text");
        }
        Object v = values.get(name);
        if (v == null) {
            throw new ConfigurationException("option '" + name + "' is required: " + spec.description());
        }
        return (String) v;
    }

    /**
     * @param name a declared option
     * @return its value if given or defaulted
     */
    public Optional<Object> get(String name) {
        spec(name);
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @param name a declared option
     * @return whether a value was given or defaulted
     */
    public boolean has(String name) {
        spec(name);
        return values.containsKey(name);
    }

    /** @return all values by name */
    public Map<String, Object> values() {
        return values;
    }

    private Object require(String name, OptionSpec.Type type) {
        OptionSpec spec = spec(name);
        if (spec.type() != type) {
            throw new IllegalArgumentException("option " + name + " is " + spec.type() + ", not " + type);
        }
        Object v = values.get(name);
        if (v == null) {
            throw new ConfigurationException("option '" + name + "' is required: " + spec.description());
        }
        return v;
    }

    private OptionSpec spec(String name) {
        OptionSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("option '" + name + "' was not declared by the driver");
        }
        return spec;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
