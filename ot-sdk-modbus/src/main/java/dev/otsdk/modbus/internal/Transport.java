package dev.otsdk.modbus.internal;

/** The three ways this driver talks Modbus. */
enum Transport {
    TCP("modbus+tcp", 502),
    RTU_OVER_TCP("modbus+rtu+tcp", 502),
    TLS("modbus+tls", 802);

    private final String scheme;
    private final int defaultPort;

    Transport(String scheme, int defaultPort) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    String scheme() {
        return scheme;
    }

    int defaultPort() {
        return defaultPort;
    }

    boolean rtu() {
        return this == RTU_OVER_TCP;
    }

    static Transport of(String scheme) {
        for (Transport t : values()) {
            if (t.scheme.equals(scheme)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a Modbus scheme: " + scheme);
    }
}
