package dev.otsdk.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations written the way people write them in URIs and on command lines: {@code 250ms},
 * {@code 2s}, {@code 1m}, {@code 1h}, {@code 100us}, {@code 1.5s}, or ISO-8601 ({@code PT2S}).
 */
public final class Durations {

    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * Parses a duration: a number with a unit, several of them in a row ({@code 1m30s}, as
     * {@link #format(Duration)} writes them), or ISO-8601.
     *
     * @param text e.g. {@code 500ms}, {@code 2s}, {@code 1.5m}, {@code 1h30m}, {@code PT10S}; a lone number
     *     is seconds
     * @return the duration, never negative
     * @throws ConfigurationException if the text is not a duration, with what was expected
     */
    public static Duration parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new ConfigurationException("empty duration: expected e.g. 500ms, 2s, 1m");
        }
        if (t.startsWith("PT") || t.startsWith("pt") || t.startsWith("P")) {
            Duration d;
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new ConfigurationException("invalid ISO-8601 duration '" + text + "'", e);
            }
            return nonNegative(text, d);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        int segments = 0;
        while (i < t.length()) {
            int numberStart = i;
            while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
                i++;
            }
            if (i == numberStart) {
                throw new ConfigurationException("invalid duration '" + text + "': expected a number followed by"
                        + " ns, us, ms, s, m, h or d, e.g. 500ms");
            }
            String number = t.substring(numberStart, i);
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < t.length() && !Character.isDigit(t.charAt(i)) && t.charAt(i) != '.' && t.charAt(i) != ' ') {
                i++;
            }
            String unit = t.substring(unitStart, i).toLowerCase(Locale.ROOT);
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
            segments++;
            if (unit.isEmpty() && (segments > 1 || i < t.length())) {
                throw new ConfigurationException("invalid duration '" + text + "': '" + number
                        + "' needs a unit (ns, us, ms, s, m, h or d) when several parts are given");
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(number);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("invalid duration '" + text + "': '" + number + "' is not a number");
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
            nanos = nanos.add(amount.multiply(BigDecimal.valueOf(nanosPerUnit)));
            if (nanos.compareTo(MAX_NANOS) > 0) {
                throw new ConfigurationException("duration '" + text + "' is too long");
            }
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static Duration nonNegative(String text, Duration d) {
        if (d.isNegative()) {
            throw new ConfigurationException("duration '" + text + "' is negative");
        }
        return d;
    }

    /**
     * Formats a duration compactly, the inverse of {@link #parse(String)}: whole hours, minutes and seconds
     * as {@code 1h30m}, anything with a fraction of a second in the largest exact unit ({@code 1500ms}).
     * Negative durations get a leading {@code -}; durations too long for one count of nanoseconds are
     * written in ISO-8601.
     *
     * @param d the duration
     * @return e.g. {@code 250ms}, {@code 2s}, {@code 1m30s}
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return d.equals(Duration.ofSeconds(Long.MIN_VALUE)) ? d.toString() : "-" + format(d.negated());
        }
        long seconds = d.getSeconds();
        int nano = d.getNano();
        if (nano != 0) {
            try {
                if (nano % 1_000_000 == 0) {
                    return Math.addExact(Math.multiplyExact(seconds, 1_000L), nano / 1_000_000) + "ms";
                }
                if (nano % 1_000 == 0) {
                    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nano / 1_000) + "us";
                }
                return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nano) + "ns";
            } catch (ArithmeticException e) {
                return d.toString();
            }
        }
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
