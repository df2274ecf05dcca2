package dev.otsdk.testkit;

import java.util.List;
import java.util.Map;

/**
 * Makes {@link OpcUaEmulator}s for tools such as {@code otsdk emulate opcua}. Options:
 * <ul>
 *   <li>{@code nodes=demo|empty}: the demo address space (default) or none;</li>
 *   <li>{@code path=/otsdk}: the endpoint path;</li>
 *   <li>{@code user=name:password}: accept this user (anonymous users are accepted unless
 *       {@code anonymous=false});</li>
 *   <li>{@code policies=Basic256Sha256,...}: the security policies offered besides None (default all,
 *       {@code none} for None only).</li>
 * </ul>
 */
public final class OpcUaEmulatorFactory implements EmulatorFactory {

    /** Creates the factory (ServiceLoader). */
    public OpcUaEmulatorFactory() {
    }

    @Override
    public String name() {
        return "opcua";
    }

    @Override
    public String description() {
        return "OPC UA server (Eclipse Milo): demo address space, None and every RSA policy, self-signed certificate";
    }

    @Override
    public Emulator create(int port, Map<String, String> options) {
        OpcUaEmulator.Builder b = OpcUaEmulator.builder();
        boolean demo = true;
        for (Map.Entry<String, String> o : options.entrySet()) {
            String v = o.getValue().strip();
            switch (o.getKey()) {
                case "nodes" -> demo = switch (v) {
                    case "demo" -> true;
                    case "empty" -> false;
                    default -> throw new IllegalArgumentException("nodes must be demo or empty, got '" + v + "'");
                };
                case "path" -> b.path(v);
                case "anonymous" -> b.anonymous(bool(o.getKey(), v));
                case "user" -> {
                    int colon = v.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("user must be name:password, got '" + v + "'");
                    }
                    b.user(v.substring(0, colon), v.substring(colon + 1));
                }
                case "policies" -> b.securityPolicies(v.equalsIgnoreCase("none") ? new String[0]
                        : List.of(v.split(",")).stream().map(String::strip).toArray(String[]::new));
                default -> throw new IllegalArgumentException("unknown option '" + o.getKey()
                        + "'; known: nodes, path, anonymous, user, policies");
            }
        }
        if (demo) {
            b.demoNodes();
        }
        if (port != 0) {
            b.port(port);
        }
        return b.build();
    }

    private static boolean bool(String name, String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
    }
}
