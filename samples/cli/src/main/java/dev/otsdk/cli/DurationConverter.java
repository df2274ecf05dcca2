package dev.otsdk.cli;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations the way URIs do ({@code 500ms}, {@code 2s}, {@code PT1M}), so both feel the same. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        try {
            return Durations.parse(text);
        } catch (ConfigurationException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
