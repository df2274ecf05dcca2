package dev.otsdk.spi;

import java.util.List;
import java.util.Set;

/**
 * A protocol driver, found by {@link java.util.ServiceLoader} and chosen by URI scheme. Stateless and
 * thread-safe: one instance serves every session of its schemes.
 */
public interface Driver {

    /** @return the protocol's name for messages, e.g. {@code Modbus} */
    String name();

    /** @return the URI schemes handled, e.g. {@code modbus+tcp}, {@code modbus+tls} */
    Set<String> schemes();

    /**
     * The port used when the URI gives none.
     *
     * @param scheme one of {@link #schemes()}
     * @return the default port, e.g. 502
     */
    int defaultPort(String scheme);

    /**
     * The query options this driver accepts for a scheme, besides the common ones the runtime handles
     * ({@code timeout}, {@code connectTimeout}, {@code reconnect}, {@code reconnectDelay},
     * {@code reconnectMaxDelay}, {@code reconnectAttempts}). Any other option is rejected before
     * {@link #open(DriverContext)} is called.
     *
     * @param scheme one of {@link #schemes()}
     * @return the accepted options
     */
    List<OptionSpec> options(String scheme);

    /**
     * Prepares a session: validates the endpoint and options and anything else that can be checked
     * without I/O. Connecting happens later, in {@link DriverSession#connect(ConnectionListener)}.
     *
     * @param context endpoint, validated options, session settings and shared resources
     * @return the protocol side of the session
     * @throws dev.otsdk.api.ConfigurationException if the settings cannot work, saying why
     */
    DriverSession open(DriverContext context);
}
