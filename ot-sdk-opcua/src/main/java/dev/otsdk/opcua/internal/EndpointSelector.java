package dev.otsdk.opcua.internal;

import dev.otsdk.api.OtSecurityException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/**
 * Chooses the endpoint to connect to from what the server offers. {@code auto} picks the strongest
 * mode, then the strongest non-deprecated policy; deprecated policies (Basic128Rsa15, Basic256) are only
 * used when named.
 */
final class EndpointSelector {

    static final String AUTO = "auto";

    private static final Map<SecurityPolicy, Integer> POLICY_RANK = Map.of(SecurityPolicy.None, 0,
            SecurityPolicy.Basic128Rsa15, -1, SecurityPolicy.Basic256, -1, SecurityPolicy.Aes128_Sha256_RsaOaep, 2,
            SecurityPolicy.Basic256Sha256, 3, SecurityPolicy.Aes256_Sha256_RsaPss, 4);

    private EndpointSelector() {
    }

    /**
     * @param endpoints what the server offers
     * @param policy a policy name or {@code auto}
     * @param mode a mode name or {@code auto}
     * @param identity the user token type the session will use
     * @param uri the session URI, for messages
     * @return the chosen endpoint
     * @throws OtSecurityException NEGOTIATION_FAILED listing what the server offers
     */
    static EndpointDescription select(List<EndpointDescription> endpoints, String policy, String mode,
            UserTokenType identity, String uri) {
        Optional<EndpointDescription> best = endpoints.stream()
                .filter(e -> e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:"))
                .filter(e -> policyOf(e).isPresent())
                .filter(e -> AUTO.equals(policy) ? POLICY_RANK.get(policyOf(e).get()) >= 0
                        : policyOf(e).get().name().equals(policy))
                .filter(e -> AUTO.equals(mode) || e.getSecurityMode().name().equals(mode))
                .filter(e -> accepts(e, identity))
                .max(Comparator.<EndpointDescription>comparingInt(e -> modeRank(e.getSecurityMode()))
                        .thenComparingInt(e -> POLICY_RANK.get(policyOf(e).get()))
                        .thenComparingInt(e -> e.getSecurityLevel().intValue()));
        return best.orElseThrow(() -> new OtSecurityException(OtSecurityException.Reason.NEGOTIATION_FAILED,
                "the OPC UA server at " + uri + " offers no endpoint with securityPolicy=" + policy + ", securityMode="
                        + mode + " and " + identityName(identity) + " users; it offers: " + describe(endpoints)
                        + ". Deprecated policies (Basic128Rsa15, Basic256) are only used when named in securityPolicy.",
                null));
    }

    static Optional<SecurityPolicy> policyOf(EndpointDescription e) {
        return e.getSecurityPolicyUri() == null ? Optional.empty() : SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri());
    }

    private static int modeRank(MessageSecurityMode m) {
        return switch (m) {
            case SignAndEncrypt -> 2;
            case Sign -> 1;
            default -> 0;
        };
    }

    private static boolean accepts(EndpointDescription e, UserTokenType identity) {
        UserTokenPolicy[] tokens = e.getUserIdentityTokens();
        return tokens != null && Stream.of(tokens).anyMatch(t -> t.getTokenType() == identity);
    }

    private static String identityName(UserTokenType t) {
        return switch (t) {
            case Anonymous -> "anonymous";
            case UserName -> "user name/password";
            case Certificate -> "X.509 certificate";
            default -> t.name();
        };
    }

    static String describe(List<EndpointDescription> endpoints) {
        return endpoints.stream()
                .map(e -> policyOf(e).map(Enum::name).orElse(String.valueOf(e.getSecurityPolicyUri())) + "/"
                        + e.getSecurityMode() + " (" + (e.getUserIdentityTokens() == null ? "no users"
                                : Stream.of(e.getUserIdentityTokens()).map(t -> identityName(t.getTokenType()))
                                        .distinct().collect(Collectors.joining(", "))) + ")")
                .distinct().collect(Collectors.joining("; "));
    }
}
