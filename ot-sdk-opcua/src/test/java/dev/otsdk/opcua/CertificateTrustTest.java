package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.Credentials;
import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server certificate validation, the PKI folder, trust-on-first-use and credentials. */
@EmulatorTest
class CertificateTrustTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Value", OpcUaType.INT32, 7)
            .user("operator", "s3cret")
            .build();

    @StartStop
    static final OpcUaEmulator DEPRECATED_ONLY = OpcUaEmulator.builder().securityPolicies("Basic256").build();

    static OtClient client;

    @BeforeAll
    static void setUp() {
        client = OtClient.create();
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void untrustedServerIsRefusedLandsInRejectedAndIsTrustedAfterMovingIt() throws IOException {
        Path pki = OpcUaTesting.tempPki();
        String uri = PLC.uri() + "?securityPolicy=Basic256Sha256&securityMode=SignAndEncrypt";
        assertThatThrownBy(() -> client.connect(uri, OpcUaTesting.options(pki).build()))
                .isInstanceOfSatisfying(OtSecurityException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
                    assertThat(e.getMessage()).contains(pki.resolve("rejected").toString())
                            .contains(pki.resolve("trusted").resolve("certs").toString())
                            .contains("SessionOptions.Builder.trust");
                });
        List<Path> rejected = files(pki.resolve("rejected"));
        Path serverCert = rejected.stream().filter(p -> p.getFileName().toString().startsWith("OPC_UA")).findFirst()
                .orElseThrow();
        assertThat(read(serverCert)).isEqualTo(PLC.certificate());

        Files.move(serverCert, pki.resolve("trusted").resolve("certs").resolve(serverCert.getFileName()));
        try (Session s = client.connect(uri, OpcUaTesting.options(pki).build())) {
            assertThat(s.read(Tag.of(PLC.nodeId("Value"), DataType.INT32)).value()).isEqualTo(7);
        }
    }

    @Test
    void trustOnFirstUseIsAnExplicitOptInThatRemembersTheServer() throws IOException {
        Path pki = OpcUaTesting.tempPki();
        try (Session s = client.connect(PLC.uri(), OpcUaTesting.options(pki).trustOnFirstUse(true).build())) {
            assertThat(s.read(Tag.of(PLC.nodeId("Value"), DataType.INT32)).value()).isEqualTo(7);
        }
        assertThat(files(pki.resolve("trusted").resolve("certs"))).hasSize(1);
        assertThat(files(pki.resolve("rejected"))).noneMatch(p -> p.getFileName().toString().startsWith("OPC_UA"));
        try (Session s = client.connect(PLC.uri(), OpcUaTesting.options(pki).build())) {
            assertThat(s.read(Tag.of(PLC.nodeId("Value"), DataType.INT32)).value()).isEqualTo(7);
        }
    }

    @Test
    void applicationCertificateIsGeneratedOnceAndReused() throws Exception {
        Path pki = OpcUaTesting.tempPki();
        Path own = pki.resolve("own").resolve("certs").resolve("otsdk-client.der");
        client.connect(PLC.uri(), OpcUaTesting.options(pki).trust(PLC.certificate()).build()).close();
        X509Certificate first = read(own);
        client.connect(PLC.uri(), OpcUaTesting.options(pki).trust(PLC.certificate()).build()).close();
        assertThat(read(own)).isEqualTo(first);
        assertThat(((RSAPublicKey) first.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(first.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(first.getSubjectAlternativeNames()).anyMatch(san -> san.get(0).equals(6)
                && san.get(1).toString().startsWith("urn:"));
        assertThat(Files.exists(pki.resolve("own").resolve("private").resolve("otsdk-client.pem"))).isTrue();
    }

    @Test
    void wrongPasswordIsBadCredentials() {
        var options = OpcUaTesting.options(OpcUaTesting.tempPki()).trust(PLC.certificate())
                .credentials(Credentials.usernamePassword("operator", "wrong".toCharArray())).build();
        assertThatThrownBy(() -> client.connect(PLC.uri(), options)).isInstanceOfSatisfying(OtSecurityException.class,
                e -> assertThat(e.reason()).isEqualTo(OtSecurityException.Reason.BAD_CREDENTIALS));
    }

    @Test
    void deprecatedPoliciesAreOnlyUsedWhenNamed() {
        var options = OpcUaTesting.options(OpcUaTesting.tempPki()).trust(DEPRECATED_ONLY.certificate()).build();
        // auto falls back to None here, since the only secure endpoint is deprecated
        try (Session s = client.connect(DEPRECATED_ONLY.uri(), options)) {
            assertThat(s.deviceInfo().properties()).containsEntry("securityPolicy", "None");
        }
        assertThatThrownBy(() -> client.connect(DEPRECATED_ONLY.uri() + "?securityMode=SignAndEncrypt", options))
                .isInstanceOfSatisfying(OtSecurityException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OtSecurityException.Reason.NEGOTIATION_FAILED);
                    assertThat(e.getMessage()).contains("Basic256/SignAndEncrypt").contains("only used when named");
                });
        try (Session s = client.connect(DEPRECATED_ONLY.uri() + "?securityPolicy=Basic256", options)) {
            assertThat(s.deviceInfo().properties()).containsEntry("securityPolicy", "Basic256");
        }
    }

    @Test
    void aServerThatRefusesTheClientCertificateIsReportedAsSuch() {
        try (OpcUaEmulator picky = OpcUaEmulator.builder().trustedClients(PLC.certificate()).build()) {
            picky.start();
            var options = OpcUaTesting.options(OpcUaTesting.tempPki()).trust(picky.certificate()).build();
            assertThatThrownBy(() -> client.connect(picky.uri() + "?securityPolicy=Basic256Sha256", options))
                    .isInstanceOfSatisfying(OtSecurityException.class, e -> {
                        assertThat(e.reason()).isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
                        assertThat(e.getMessage()).contains("otsdk-client.der");
                    });
        }
    }

    @Test
    void policyAndModeMustFitTogether() {
        assertThatThrownBy(() -> client.connect(PLC.uri() + "?securityPolicy=None&securityMode=Sign"))
                .isInstanceOf(dev.otsdk.api.ConfigurationException.class).hasMessageContaining("policy None");
    }

    private static X509Certificate read(Path p) throws IOException {
        try (var in = Files.newInputStream(p)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(e);
        }
    }
}
