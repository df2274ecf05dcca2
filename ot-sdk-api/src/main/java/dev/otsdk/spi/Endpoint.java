package dev.otsdk.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed connection URI.
 *
 * @param scheme the scheme, lower case, e.g. {@code modbus+tcp}
 * @param host the host name or IP literal (IPv6 without brackets)
 * @param port the port, the driver's default if the URI gave none
 * @param path the path, empty if none (OPC UA endpoint paths)
 * @param query the query options in URI order, percent-decoded
 * @param uri the URI as given
 */
public record Endpoint(String scheme, String host, int port, String path, Map<String, String> query, String uri) {

    /**
     * Validates the components.
     *
     * @param scheme the scheme
     * @param host the host
     * @param port the port, 1..65535
     * @param path the path
     * @param query the query options
     * @param uri the URI as given
     */
    public Endpoint {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Objects.requireNonNull(uri, "uri");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /** @return {@code host:port}, with brackets around IPv6 literals */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return the URI as given */
    @Override
    public String toString() {
        return uri;
    }
}
