package dev.otsdk.opcua.internal;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.opcua.OpcUa;
import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.OptionSpec;
import java.security.Security;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The OPC UA driver: scheme {@code opc.tcp}, default port 4840. */
public final class OpcUaDriver implements Driver {

    static final List<String> POLICIES = List.of(EndpointSelector.AUTO, "None", "Basic256Sha256",
            "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss", "Basic128Rsa15", "Basic256");
    static final List<String> MODES = List.of(EndpointSelector.AUTO, "None", "Sign", "SignAndEncrypt");

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.choice(OpcUa.SECURITY_POLICY, POLICIES, EndpointSelector.AUTO,
                    "security policy; auto picks the strongest non-deprecated one the server offers"),
            OptionSpec.choice(OpcUa.SECURITY_MODE, MODES, EndpointSelector.AUTO,
                    "message security mode; auto prefers SignAndEncrypt"),
            OptionSpec.duration(OpcUa.KEEP_ALIVE, "5s", "keep-alive interval; a failed keep-alive starts reconnecting"),
            OptionSpec.duration(OpcUa.SESSION_TIMEOUT, "2min", "how long the server keeps the session while away"),
            OptionSpec.string(OpcUa.APPLICATION_URI, null,
                    "application URI for a newly generated client certificate"),
            OptionSpec.integer(OpcUa.MAX_NODES_PER_REQUEST, 1, 1_000_000, 1000L,
                    "most nodes per Read/Write request (the server's operation limits cap it further)"));

    static {
        // Aes256_Sha256_RsaPss signs with RSASSA-PSS names only BouncyCastle provides.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** Creates the driver (ServiceLoader). */
    public OpcUaDriver() {
    }

    @Override
    public String name() {
        return "OPC UA";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(OpcUa.SCHEME);
    }

    @Override
    public int defaultPort(String scheme) {
        return OpcUa.DEFAULT_PORT;
    }

    @Override
    public List<OptionSpec> options(String scheme) {
        return OPTIONS;
    }

    @Override
    public DriverSession open(DriverContext context) {
        OpcUaSettings settings = OpcUaSettings.from(context);
        if (settings.policy().equals("None") && !List.of("None", EndpointSelector.AUTO).contains(settings.mode())
                || !settings.policy().equals("None") && !settings.policy().equals(EndpointSelector.AUTO)
                        && settings.mode().equals("None")) {
            throw new ConfigurationException("securityPolicy=" + settings.policy() + " cannot be combined with"
                    + " securityMode=" + settings.mode() + " in " + context.endpoint().uri()
                    + ": policy None goes with mode None, every other policy with Sign or SignAndEncrypt");
        }
        return new OpcUaDriverSession(settings, context.io());
    }
}
