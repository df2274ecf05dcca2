package dev.otsdk.spi;

import dev.otsdk.api.SessionOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a driver gets for one session.
 *
 * @param endpoint where to connect
 * @param options the driver's options, validated, defaults filled in
 * @param sessionOptions the effective session settings (URI overrides applied)
 * @param io the shared event loops, timer, callback threads and clock
 */
public record DriverContext(Endpoint endpoint, DriverOptions options, SessionOptions sessionOptions,
        IoRuntime io) {

    /**
     * Validates the components.
     *
     * @param endpoint where to connect
     * @param options the driver's options
     * @param sessionOptions the session settings
     * @param io the shared resources
     */
    public DriverContext {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sessionOptions, "sessionOptions");
        Objects.requireNonNull(io, "io");
    }

    /** @return shorthand for the session's request timeout */
    public Duration requestTimeout() {
        return sessionOptions.requestTimeout();
    }

    /** @return shorthand for the session's settings */
    public SessionOptions settings() {
        return sessionOptions;
    }
}
