package dev.otsdk.opcua.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;

import dev.otsdk.api.OtSecurityException;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.junit.jupiter.api.Test;

class EndpointSelectorTest {

    static EndpointDescription ep(SecurityPolicy p, MessageSecurityMode m, int level, UserTokenType... tokens) {
        UserTokenPolicy[] t = new UserTokenPolicy[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            t[i] = new UserTokenPolicy("p" + i, tokens[i], null, null, null);
        }
        return new EndpointDescription("opc.tcp://server.invalid:4840/x", null, ByteString.NULL_VALUE, m, p.getUri(), t,
                null, ubyte(level));
    }

    static final List<EndpointDescription> OFFERED = List.of(
            ep(SecurityPolicy.None, MessageSecurityMode.None, 0, UserTokenType.Anonymous),
            ep(SecurityPolicy.Basic256, MessageSecurityMode.SignAndEncrypt, 90, UserTokenType.Anonymous),
            ep(SecurityPolicy.Basic256Sha256, MessageSecurityMode.Sign, 50, UserTokenType.Anonymous),
            ep(SecurityPolicy.Basic256Sha256, MessageSecurityMode.SignAndEncrypt, 60, UserTokenType.Anonymous,
                    UserTokenType.UserName),
            ep(SecurityPolicy.Aes128_Sha256_RsaOaep, MessageSecurityMode.SignAndEncrypt, 70,
                    UserTokenType.Anonymous));

    static String chosen(String policy, String mode, UserTokenType identity) {
        EndpointDescription e = EndpointSelector.select(OFFERED, policy, mode, identity, "opc.tcp://x");
        return EndpointSelector.policyOf(e).orElseThrow() + "/" + e.getSecurityMode();
    }

    @Test
    void autoPrefersEncryptionThenTheStrongestPolicyAndNeverADeprecatedOne() {
        assertThat(chosen("auto", "auto", UserTokenType.Anonymous)).isEqualTo("Basic256Sha256/SignAndEncrypt");
        assertThat(chosen("auto", "Sign", UserTokenType.Anonymous)).isEqualTo("Basic256Sha256/Sign");
        assertThat(chosen("Basic256", "auto", UserTokenType.Anonymous)).isEqualTo("Basic256/SignAndEncrypt");
        assertThat(chosen("None", "auto", UserTokenType.Anonymous)).isEqualTo("None/None");
    }

    @Test
    void theIdentityMustBeAccepted() {
        assertThat(chosen("auto", "auto", UserTokenType.UserName)).isEqualTo("Basic256Sha256/SignAndEncrypt");
        assertThatThrownBy(() -> chosen("auto", "auto", UserTokenType.Certificate))
                .isInstanceOfSatisfying(OtSecurityException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OtSecurityException.Reason.NEGOTIATION_FAILED);
                    assertThat(e.getMessage()).contains("X.509 certificate users")
                            .contains("Basic256Sha256/SignAndEncrypt (anonymous, user name/password)");
                });
    }
}
