package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.testkit.CertSpec;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import dev.otsdk.testkit.TestIdentity;
import dev.otsdk.testkit.TestPki;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.junit.jupiter.api.Test;

/** Endpoints, users and client certificates, checked with Milo's own client. */
@EmulatorTest
class OpcUaSecurityTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Value", OpcUaType.DOUBLE, 1.5)
            .user("operator", "s3cret")
            .build();

    record Offer(String policyUri, MessageSecurityMode mode) {
    }

    static Set<Offer> offers(List<EndpointDescription> endpoints) {
        return endpoints.stream().map(e -> new Offer(e.getSecurityPolicyUri(), e.getSecurityMode()))
                .collect(Collectors.toSet());
    }

    static Set<UserTokenType> tokenTypes(EndpointDescription e) {
        return Stream.of(e.getUserIdentityTokens()).map(UserTokenPolicy::getTokenType).collect(Collectors.toSet());
    }

    static double readValue(OpcUaClient c) throws UaException {
        return (Double) MiloClients.readValue(c, PLC.nodeId("Value")).getValue().getValue();
    }

    static double readAs(IdentityProvider user) throws UaException {
        OpcUaClient c = MiloClients.connect(PLC.uri(), user);
        try {
            return readValue(c);
        } finally {
            MiloClients.disconnect(c);
        }
    }

    static long statusOfConnectingAs(IdentityProvider user) {
        UaException e = (UaException) org.assertj.core.api.Assertions.catchThrowable(
                () -> MiloClients.connect(PLC.uri(), user));
        assertThat(e).as("the connection should have been refused").isNotNull();
        return e.getStatusCode().value();
    }

    @Test
    void offersNoneAndEveryPolicyInSignAndSignAndEncryptWithItsCertificate() throws Exception {
        List<EndpointDescription> endpoints = MiloClients.endpoints(PLC.uri());

        List<Offer> expected = new ArrayList<>(List.of(new Offer(SecurityPolicy.None.getUri(),
                MessageSecurityMode.None)));
        for (String name : OpcUaEmulator.ALL_POLICIES) {
            String uri = SecurityPolicy.valueOf(name).getUri();
            expected.add(new Offer(uri, MessageSecurityMode.Sign));
            expected.add(new Offer(uri, MessageSecurityMode.SignAndEncrypt));
        }
        assertThat(endpoints).hasSize(11);
        assertThat(offers(endpoints)).containsExactlyInAnyOrderElementsOf(expected);
        byte[] certificate = PLC.certificate().getEncoded();
        assertThat(endpoints).allSatisfy(e -> {
            assertThat(e.getEndpointUrl()).isEqualTo(PLC.uri());
            assertThat(e.getServerCertificate().bytesOrEmpty()).isEqualTo(certificate);
            assertThat(tokenTypes(e)).containsExactlyInAnyOrder(UserTokenType.Anonymous, UserTokenType.UserName,
                    UserTokenType.Certificate);
        });
    }

    @Test
    void policiesAndUserTokensFollowTheBuilder() throws Exception {
        try (OpcUaEmulator strict = OpcUaEmulator.builder().securityPolicies("Basic256Sha256")
                .anonymous(false).x509Users(false).user("operator", "s3cret").path("/strict").build()) {
            strict.start();
            List<EndpointDescription> endpoints = MiloClients.endpoints(strict.uri());

            String b256 = SecurityPolicy.Basic256Sha256.getUri();
            assertThat(offers(endpoints)).containsExactlyInAnyOrder(
                    new Offer(SecurityPolicy.None.getUri(), MessageSecurityMode.None),
                    new Offer(b256, MessageSecurityMode.Sign), new Offer(b256, MessageSecurityMode.SignAndEncrypt));
            assertThat(endpoints).allSatisfy(e -> {
                assertThat(e.getEndpointUrl()).endsWith("/strict");
                assertThat(tokenTypes(e)).containsExactly(UserTokenType.UserName);
            });
        }
        assertThatThrownBy(() -> OpcUaEmulator.builder().securityPolicies("Basic512"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Basic512");
    }

    @Test
    void aConfiguredUserIsAcceptedAndAWrongPasswordOrUnknownUserRefused() {
        assertThat(catchingRead(new UsernameProvider("operator", "s3cret"))).isEqualTo(1.5);

        assertThat(statusOfConnectingAs(new UsernameProvider("operator", "wrong")))
                .isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(statusOfConnectingAs(new UsernameProvider("intruder", "s3cret")))
                .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    }

    @Test
    void anX509UserFromTheEmulatorsPkiIsAcceptedOthersAreRefused() {
        TestIdentity operator = PLC.pki().issue(CertSpec.client("operator-x509").build());
        TestIdentity stranger = TestPki.create("Another CA").issue(CertSpec.client("stranger").build());
        TestIdentity expired = PLC.pki().issue(CertSpec.client("expired").expired().build());

        assertThat(catchingRead(new X509IdentityProvider(operator.certificate(), operator.privateKey())))
                .isEqualTo(1.5);
        assertThat(statusOfConnectingAs(new X509IdentityProvider(stranger.certificate(), stranger.privateKey())))
                .isEqualTo(StatusCodes.Bad_IdentityTokenRejected);
        assertThat(statusOfConnectingAs(new X509IdentityProvider(expired.certificate(), expired.privateKey())))
                .isEqualTo(StatusCodes.Bad_IdentityTokenRejected);
    }

    @Test
    void aSecureChannelUsesTheEmulatorsCertificate() throws UaException {
        TestIdentity app = PLC.pki().opcUaApplication("urn:otsdk:test:milo-client");
        List<X509Certificate> seen = new CopyOnWriteArrayList<>();
        OpcUaClient c = MiloClients.connect(PLC.uri(), SecurityPolicy.Basic256Sha256,
                MessageSecurityMode.SignAndEncrypt, MiloClients.applicationInstance(app, "urn:otsdk:test:milo-client")
                        .andThen(config -> config.setCertificateValidator((chain, uri, hosts) -> seen.add(chain.get(0)))));
        try {
            assertThat(readValue(c)).isEqualTo(1.5);
            assertThat(seen).isNotEmpty().allSatisfy(cert -> assertThat(cert).isEqualTo(PLC.certificate()));
        } finally {
            MiloClients.disconnect(c);
        }
    }

    @Test
    void trustedClientsRestrictWhichApplicationsMayOpenASecureChannel() throws UaException {
        TestIdentity issued = PLC.pki().issue(CertSpec.opcUaApplication("urn:otsdk:test:issued").build());
        TestIdentity selfSigned = PLC.pki().issue(CertSpec.opcUaApplication("urn:otsdk:test:self")
                .selfSigned().build());
        TestIdentity unlisted = PLC.pki().issue(CertSpec.opcUaApplication("urn:otsdk:test:other").build());
        try (OpcUaEmulator picky = OpcUaEmulator.builder().variable("Value", OpcUaType.DOUBLE, 1.5)
                .securityPolicies("Basic256Sha256").trustedClients(issued.certificate(), selfSigned.certificate())
                .build()) {
            picky.start();

            for (var app : List.of(Map.entry(issued, "urn:otsdk:test:issued"),
                    Map.entry(selfSigned, "urn:otsdk:test:self"))) {
                OpcUaClient c = MiloClients.connect(picky.uri(), SecurityPolicy.Basic256Sha256,
                        MessageSecurityMode.Sign, MiloClients.applicationInstance(app.getKey(), app.getValue()));
                try {
                    assertThat(MiloClients.readValue(c, picky.nodeId("Value")).getValue().getValue())
                            .as(app.getValue()).isEqualTo(1.5);
                } finally {
                    MiloClients.disconnect(c);
                }
            }
            assertThatThrownBy(() -> MiloClients.connect(picky.uri(), SecurityPolicy.Basic256Sha256,
                    MessageSecurityMode.Sign, MiloClients.applicationInstance(unlisted, "urn:otsdk:test:other")))
                    .isInstanceOfSatisfying(UaException.class, e -> assertThat(e.getStatusCode().value())
                            .isEqualTo(StatusCodes.Bad_SecurityChecksFailed));
        }
    }

    private static double catchingRead(IdentityProvider user) {
        try {
            return readAs(user);
        } catch (UaException e) {
            throw new AssertionError("refused: " + e.getStatusCode(), e);
        }
    }
}
