package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS = 2;
    private static final int URI = 6;
    private static final int IP = 7;

    // Shared: a PKI is immutable, and key generation is the slow part.
    private static final TestPki PKI = TestPki.create();
    private static final TestPki OTHER_PKI = TestPki.create();

    @Test
    void theCaIsASelfSignedCertificateAuthority() throws Exception {
        X509Certificate ca = PKI.caCertificate();

        assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());
        assertThat(ca.getBasicConstraints()).isNotNegative();
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThatCode(() -> ca.verify(ca.getPublicKey())).doesNotThrowAnyException();
        assertThat(PKI.ca().chain()).containsExactly(ca);
    }

    @Test
    void issuedCertificatesValidateAgainstTheCa() {
        assertThatCode(() -> validate(PKI.server("localhost"), PKI)).doesNotThrowAnyException();
        assertThatCode(() -> validate(PKI.client("operator-1", "operator"), PKI)).doesNotThrowAnyException();
        assertThatCode(() -> validate(PKI.opcUaApplication("urn:otsdk:test"), PKI)).doesNotThrowAnyException();
    }

    @Test
    void certificatesOfAnotherCaDoNotValidate() {
        assertThatThrownBy(() -> validate(OTHER_PKI.server("localhost"), PKI))
                .isInstanceOf(CertPathValidatorException.class);
        assertThat(OTHER_PKI.caCertificate().getSubjectX500Principal())
                .isNotEqualTo(PKI.caCertificate().getSubjectX500Principal());
    }

    @Test
    void selfSignedCertificatesStandAlone() throws Exception {
        TestIdentity self = PKI.selfSigned("localhost");
        X509Certificate certificate = self.certificate();

        assertThat(self.chain()).containsExactly(certificate);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThatCode(() -> certificate.verify(certificate.getPublicKey())).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate(self, PKI)).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void serverCertificatesNameTheirHostsAndPurpose() throws Exception {
        X509Certificate server = PKI.server("plc.local", "10.0.0.5", "::1").certificate();

        assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS, "plc.local"), List.of(IP, "10.0.0.5"), List.of(IP, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getSubjectX500Principal().getName()).contains("CN=plc.local");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(PKI.server().certificate().getSubjectAlternativeNames())
                .contains(List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"));
    }

    @Test
    void clientCertificatesAreForClientAuthentication() throws Exception {
        X509Certificate client = PKI.client("operator-1").certificate();

        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(TestPki.roleOf(client)).isEmpty();
    }

    @Test
    void theModbusRoleIsAUtf8StringExtensionThatRoleOfReadsBack() {
        X509Certificate client = PKI.client("operator-1", "operator").certificate();

        assertThat(TestPki.roleOf(client)).contains("operator");
        byte[] extension = client.getExtensionValue(TestPki.MODBUS_ROLE_OID);
        // OCTET STRING wrapping UTF8String (tag 0x0C) "operator"
        assertThat(extension).startsWith(0x04, 10, 0x0C, 8).endsWith("operator".getBytes(StandardCharsets.UTF_8));
        assertThat(client.getNonCriticalExtensionOIDs()).contains(TestPki.MODBUS_ROLE_OID);
    }

    @Test
    void roleOfRejectsARoleExtensionThatIsNotAUtf8String() {
        byte[] integerFive = {0x02, 0x01, 0x05};
        X509Certificate odd = PKI.issue(CertSpec.client("odd")
                .extension(TestPki.MODBUS_ROLE_OID, false, integerFive).build()).certificate();

        assertThatThrownBy(() -> TestPki.roleOf(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a UTF8String");
    }

    @Test
    void opcUaApplicationCertificatesHaveWhatOpcUaRequires() throws Exception {
        X509Certificate app = PKI.opcUaApplication("urn:otsdk:test:server", "localhost", "127.0.0.1").certificate();

        assertThat(app.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(URI, "urn:otsdk:test:server"), List.of(DNS, "localhost"), List.of(IP, "127.0.0.1"));
        // digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign
        assertThat(app.getKeyUsage()).startsWith(true, true, true, true, false, true);
        assertThat(app.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(app.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) app.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(app.getBasicConstraints()).as("CA-issued: not a CA").isEqualTo(-1);
    }

    @Test
    void selfSignedOpcUaCertificatesAreTheirOwnCa() {
        X509Certificate app = PKI.issue(CertSpec.opcUaApplication("urn:otsdk:test:client").selfSigned().build())
                .certificate();

        assertThat(app.getBasicConstraints()).isNotNegative();
        assertThat(app.getKeyUsage()[5]).as("keyCertSign").isTrue();
    }

    @Test
    void expiredAndNotYetValidCertificatesAreSo() {
        X509Certificate expired = PKI.issue(CertSpec.server("localhost").expired().build()).certificate();
        X509Certificate early = PKI.issue(CertSpec.server("localhost").notYetValid().build()).certificate();

        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(early::checkValidity).isInstanceOf(CertificateNotYetValidException.class);
        assertThatThrownBy(() -> validate(PKI.issue(CertSpec.server("localhost").expired().build()), PKI))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void ecKeysAreAvailable() {
        TestIdentity ec = PKI.issue(CertSpec.client("sensor").keyType(CertSpec.KeyType.EC_P256).build());

        assertThat(ec.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ec.certificate().getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThatCode(() -> validate(ec, PKI)).doesNotThrowAnyException();
    }

    @Test
    void keysAreSharedPerPkiUnlessAUniqueKeyIsAskedFor() {
        TestIdentity a = PKI.client("a");
        TestIdentity b = PKI.client("b");
        TestIdentity own = PKI.issue(CertSpec.client("c").uniqueKey().build());

        assertThat(a.certificate().getPublicKey()).isEqualTo(b.certificate().getPublicKey());
        assertThat(own.certificate().getPublicKey()).isNotEqualTo(a.certificate().getPublicKey());
        assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
    }

    @Test
    void specsCanBeDerivedWithToBuilder() throws Exception {
        CertSpec server = CertSpec.server("localhost").build();
        X509Certificate expired = PKI.issue(server.toBuilder().expired().build()).certificate();

        assertThat(expired.getSubjectAlternativeNames()).containsExactly(List.of(DNS, "localhost"));
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void pemExportsParseBack() throws Exception {
        TestIdentity client = PKI.client("operator-1");
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");

        assertThat(x509.generateCertificate(pemStream(client.certificatePem()))).isEqualTo(client.certificate());
        assertThat(List.copyOf(x509.generateCertificates(pemStream(client.chainPem())))).isEqualTo(client.chain());
        assertThat(client.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        String base64 = client.privateKeyPem().replaceAll("-----[A-Z ]+-----|\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(key).isEqualTo(client.privateKey());
    }

    @Test
    void pkcs12StoresHoldTheKeyAndChain() throws Exception {
        TestIdentity server = PKI.server("localhost");
        char[] password = "secret".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(server.pkcs12(password)), password);

        assertThat(store.getKey(server.name(), password)).isEqualTo(server.privateKey());
        assertThat(store.getCertificateChain(server.name())).containsExactly(server.chain().toArray(X509Certificate[]::new));
        assertThat(PKI.trustStore().getCertificate("ca")).isEqualTo(PKI.caCertificate());
    }

    @Test
    void writeToWritesPemFilesNamedAfterTheIdentity(@TempDir Path dir) throws Exception {
        TestIdentity client = PKI.client("Operator 1");

        TestIdentity.PemFiles files = client.writeTo(dir.resolve("pki"));

        assertThat(client.name()).isEqualTo("operator_1");
        assertThat(files.certificate()).hasFileName("operator_1.cert.pem").hasContent(client.certificatePem());
        assertThat(files.chain()).hasContent(client.chainPem());
        assertThat(Files.readString(files.privateKey())).isEqualTo(client.privateKeyPem());
    }

    private static ByteArrayInputStream pemStream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** PKIX validation as a TLS peer does it, with the CA as the only trust anchor. */
    private static void validate(TestIdentity identity, TestPki trusted) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = identity.chain();
        List<X509Certificate> path = chain.size() > 1 ? chain.subList(0, chain.size() - 1) : chain;
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trusted.caCertificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(x509.generateCertPath(path), parameters);
    }
}
