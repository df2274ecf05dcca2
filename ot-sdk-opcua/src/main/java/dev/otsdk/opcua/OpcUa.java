package dev.otsdk.opcua;

import java.util.List;

/**
 * Names of the {@code opc.tcp://} URI options, for code that builds URIs or sets them with
 * {@code SessionOptions.Builder.option(name, value)}.
 *
 * <pre>{@code
 * opc.tcp://plc:4840/path?securityPolicy=Basic256Sha256&securityMode=SignAndEncrypt&timeout=3s
 * }</pre>
 */
public final class OpcUa {

    /** The URI scheme. */
    public static final String SCHEME = "opc.tcp";

    /** The default port. */
    public static final int DEFAULT_PORT = 4840;

    /**
     * Security policy: {@code auto} (default: the most secure non-deprecated policy the server offers),
     * {@code None}, {@code Basic256Sha256}, {@code Aes128_Sha256_RsaOaep}, {@code Aes256_Sha256_RsaPss},
     * or the deprecated {@code Basic128Rsa15} and {@code Basic256}, which are used only when named.
     */
    public static final String SECURITY_POLICY = "securityPolicy";

    /** Security mode: {@code auto} (default: SignAndEncrypt before Sign), {@code None}, {@code Sign}, {@code SignAndEncrypt}. */
    public static final String SECURITY_MODE = "securityMode";

    /** How often the session is checked while idle; a failed check starts Milo's reconnect (default 5s). */
    public static final String KEEP_ALIVE = "keepAlive";

    /** How long the server keeps the session while the client is away (default 2min). */
    public static final String SESSION_TIMEOUT = "sessionTimeout";

    /** The client's application URI; default: the one in the application certificate. */
    public static final String APPLICATION_URI = "applicationUri";

    /** Most nodes in one Read or Write request, capped further by the server's operation limits (default 1000). */
    public static final String MAX_NODES_PER_REQUEST = "maxNodesPerRequest";

    /** Security policies that are only used when named explicitly. */
    public static final List<String> DEPRECATED_POLICIES = List.of("Basic128Rsa15", "Basic256");

    private OpcUa() {
    }
}
