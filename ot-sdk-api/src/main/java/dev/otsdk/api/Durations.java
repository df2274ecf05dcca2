package dev.otsdk.api;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations written the way people write them in URIs and on command lines: {@code 250ms},
 * {@code 2s}, {@code 1m}, {@code 1h}, {@code 100us}, {@code 1.5s}, or ISO-8601 ({@code PT2S}).
 */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 500ms}, {@code 2s}, {@code 1.5m}, {@code PT10S}
     * @return the duration, never negative
     * @throws ConfigurationException if the text is not a duration, with what was expected
     */
    public static Duration parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new ConfigurationException("empty duration: expected e.g. 500ms, 2s, 1m");
        }
        if (t.startsWith("PT") || t.startsWith("pt") || t.startsWith("P")) {
            try {
                return nonNegative(text, Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw new ConfigurationException("invalid ISO-8601 duration '" + text + "'", e);
            }
        }
        int unitStart = 0;
        while (unitStart < t.length() && (Character.isDigit(t.charAt(unitStart)) || t.charAt(unitStart) == '.')) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new ConfigurationException("invalid duration '" + text + "': expected a number followed by"
                    + " ns, us, ms, s, m, h or d, e.g. 500ms");
        }
        String unit = t.substring(unitStart).trim().toLowerCase(Locale.ROOT);
        double amount;
        try {
            amount = Double.parseDouble(t.substring(0, unitStart));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("invalid duration '" + text + "': '" + t.substring(0, unitStart)
                    + "' is not a number");
        }
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s", "" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new ConfigurationException("invalid duration '" + text + "': unknown unit '" + unit
                    + "', expected ns, us, ms, s, m, h or d");
        };
        double nanos = amount * nanosPerUnit;
        if (nanos > Long.MAX_VALUE) {
            throw new ConfigurationException("duration '" + text + "' is too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static Duration nonNegative(String text, Duration d) {
        if (d.isNegative()) {
            throw new ConfigurationException("duration '" + text + "' is negative");
        }
        return d;
    }

    /**
     * Formats a duration compactly, the inverse of {@link #parse(String)} for whole units.
     *
     * @param d the duration
     * @return e.g. {@code 250ms}, {@code 2s}, {@code 1m30s}
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L != 0) {
            if (nanos % 1_000_000L == 0) {
                return nanos / 1_000_000L + "ms";
            }
            if (nanos % 1_000L == 0) {
                return nanos / 1_000L + "us";
            }
            return nanos + "ns";
        }
        long seconds = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        if (seconds >= 3600) {
            sb.append(seconds / 3600).append('h');
            seconds %= 3600;
        }
        if (seconds >= 60) {
            sb.append(seconds / 60).append('m');
            seconds %= 60;
        }
        if (seconds > 0) {
            sb.append(seconds).append('s');
        }
        return sb.toString();
    }
}
