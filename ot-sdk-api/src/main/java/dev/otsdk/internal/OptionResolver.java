package dev.otsdk.internal;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.spi.DriverOptions;
import dev.otsdk.spi.OptionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges {@link SessionOptions#options()} with URI query options (the URI wins), applies the common
 * options to the session settings and validates the driver's options. Unknown options are an error.
 */
final class OptionResolver {

    static final List<OptionSpec> COMMON = List.of(
            OptionSpec.duration("timeout", "5s", "how long one request may take"),
            OptionSpec.duration("connectTimeout", "5s", "how long connecting may take"),
            OptionSpec.bool("reconnect", true, "whether to reconnect after the connection drops"),
            OptionSpec.duration("reconnectDelay", "200ms", "delay before the first reconnect attempt"),
            OptionSpec.duration("reconnectMaxDelay", "30s", "upper bound of the reconnect back-off"),
            OptionSpec.integer("reconnectAttempts", 0, Integer.MAX_VALUE, 0L,
                    "reconnect attempts before giving up, 0 for no limit"));

    /** Effective session settings and the driver's options. */
    record Resolved(SessionOptions session, DriverOptions driver) {
    }

    private OptionResolver() {
    }

    static Resolved resolve(String uri, Map<String, String> query, SessionOptions options, List<OptionSpec> driverSpecs) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec s : COMMON) {
            specs.put(s.name(), s);
        }
        Map<String, OptionSpec> driverByName = new LinkedHashMap<>();
        for (OptionSpec s : driverSpecs) {
            if (specs.containsKey(s.name())) {
                throw new IllegalStateException("driver option " + s.name() + " shadows a common option");
            }
            specs.put(s.name(), s);
            driverByName.put(s.name(), s);
        }
        Map<String, String> given = new LinkedHashMap<>(options.options());
        given.putAll(query);
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            // say where a bad option came from: the URI, or SessionOptions.option(...)
            String where = query.containsKey(e.getKey()) ? uri : "SessionOptions.option(...) for " + uri;
            OptionSpec spec = specs.get(e.getKey());
            if (spec == null) {
                throw unknown(where, e.getKey(), specs);
            }
            parsed.put(e.getKey(), spec.parse(e.getValue(), where));
        }
        SessionOptions.Builder b = options.toBuilder();
        if (parsed.containsKey("timeout")) {
            b.requestTimeout(positive((Duration) parsed.get("timeout"), "timeout", uri));
        }
        if (parsed.containsKey("connectTimeout")) {
            b.connectTimeout(positive((Duration) parsed.get("connectTimeout"), "connectTimeout", uri));
        }
        ReconnectPolicy p = options.reconnect();
        if (parsed.containsKey("reconnect") || parsed.containsKey("reconnectDelay")
                || parsed.containsKey("reconnectMaxDelay") || parsed.containsKey("reconnectAttempts")) {
            try {
                p = new ReconnectPolicy((Boolean) parsed.getOrDefault("reconnect", p.enabled()),
                        (Duration) parsed.getOrDefault("reconnectDelay", p.initialDelay()),
                        (Duration) parsed.getOrDefault("reconnectMaxDelay", p.maxDelay()), p.multiplier(), p.jitter(),
                        Math.toIntExact((Long) parsed.getOrDefault("reconnectAttempts", (long) p.maxAttempts())));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("reconnect options in " + uri + ": " + e.getMessage());
            }
            b.reconnect(p);
        }
        Map<String, Object> driverValues = new LinkedHashMap<>();
        for (OptionSpec s : driverSpecs) {
            if (parsed.containsKey(s.name())) {
                driverValues.put(s.name(), parsed.get(s.name()));
            } else if (s.defaultValue() != null) {
                driverValues.put(s.name(), s.parse(s.defaultValue(), "the default of " + s.name()));
            }
        }
        return new Resolved(b.build(), new DriverOptions(driverByName, driverValues));
    }

    private static Duration positive(Duration d, String name, String uri) {
        if (d.isZero()) {
            throw new ConfigurationException("option '" + name + "' in " + uri + " must be more than zero");
        }
        return d;
    }

    private static ConfigurationException unknown(String uri, String name, Map<String, OptionSpec> specs) {
        String best = null;
        int bestDistance = 3;
        for (String known : specs.keySet()) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        List<String> names = new ArrayList<>(specs.keySet());
        return new ConfigurationException("unknown option '" + name + "' in " + uri
                + (best != null ? " (did you mean '" + best + "'?)" : "") + "; known options: " + String.join(", ", names));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
