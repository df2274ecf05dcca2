package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {

    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued rsaLeaf;
    private static TestCertificates.Issued ecLeaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        ca = TestCertificates.ca("key material CA");
        rsaLeaf = TestCertificates.client(ca, "rsa client");
        ecLeaf = TestCertificates.leafFor(ca, "ec client", TestCertificates.ec());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static void assertSameKey(PrivateKey actual, KeyPair expected) throws Exception {
        assertThat(actual.getAlgorithm()).isEqualTo(expected.getPrivate().getAlgorithm());
        assertThat(actual.getEncoded()).isEqualTo(expected.getPrivate().getEncoded());
        // and it really signs for the certificate's public key
        String alg = actual.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature s = Signature.getInstance(alg);
        s.initSign(actual);
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        s.update(data);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(expected.getPublic());
        v.update(data);
        assertThat(v.verify(sig)).isTrue();
    }

    @Test
    void pemPkcs8Rsa() throws Exception {
        Path chain = write("chain.pem", TestCertificates.certificatesPem(rsaLeaf.chain()));
        Path key = write("key.pem", TestCertificates.pkcs8Pem(rsaLeaf.keys().getPrivate()));
        assertThat(Files.readString(key)).contains("-----BEGIN PRIVATE KEY-----");
        KeyMaterial km = KeyMaterial.fromPem(chain, key);
        assertSameKey(km.privateKey(), rsaLeaf.keys());
        assertThat(km.chain()).containsExactly(rsaLeaf.certificate(), ca.certificate());
        assertThat(km.certificate()).isEqualTo(rsaLeaf.certificate());
        assertThat(km.toString()).isEqualTo("KeyMaterial[O=OT SDK api tests,CN=rsa client, RSA key]");
    }

    @Test
    void pemPkcs8Ec() throws Exception {
        Path chain = write("chain.pem", TestCertificates.certificatesPem(ecLeaf.chain()));
        Path key = write("key.pem", TestCertificates.pkcs8Pem(ecLeaf.keys().getPrivate()));
        KeyMaterial km = KeyMaterial.fromPem(chain, key);
        assertSameKey(km.privateKey(), ecLeaf.keys());
        assertThat(km.toString()).endsWith(", EC key]");
    }

    @Test
    void pemPkcs1RsaIsWrappedIntoPkcs8() throws Exception {
        Path chain = write("chain.pem", TestCertificates.certificatesPem(rsaLeaf.chain()));
        String pkcs1 = TestCertificates.pkcs1Pem(rsaLeaf.keys().getPrivate());
        assertThat(pkcs1).contains("-----BEGIN RSA PRIVATE KEY-----");
        Path key = write("key.pem", pkcs1);
        KeyMaterial km = KeyMaterial.fromPem(chain, key);
        assertSameKey(km.privateKey(), rsaLeaf.keys());
    }

    @Test
    void pkcs1WrappingWorksForOtherKeySizes() throws Exception {
        // the DER lengths of the wrapped structure differ with the key size (2048 is covered above)
        for (int bits : new int[] {512, 1024, 3072}) {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            KeyPair kp = g.generateKeyPair();
            PrivateKey parsed = KeyMaterial.parsePrivateKey("k" + bits, TestCertificates.pkcs1Pem(kp.getPrivate()));
            assertThat(parsed.getEncoded()).as("%d bits", bits).isEqualTo(kp.getPrivate().getEncoded());
        }
    }

    @Test
    void pemWithSurroundingTextAndCrLf() throws Exception {
        String pem = "Bag Attributes\r\n    friendlyName: x\r\n"
                + TestCertificates.pkcs8Pem(rsaLeaf.keys().getPrivate()).replace("\n", "\r\n") + "trailer\r\n";
        PrivateKey k = KeyMaterial.parsePrivateKey("file", pem);
        assertSameKey(k, rsaLeaf.keys());
    }

    @Test
    void encryptedPkcs8IsRejectedWithAHelpfulMessage() throws Exception {
        Path chain = write("chain.pem", TestCertificates.certificatesPem(rsaLeaf.chain()));
        String enc = TestCertificates.encryptedPkcs8Pem(rsaLeaf.keys().getPrivate(), "pw".toCharArray());
        assertThat(enc).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        Path key = write("enc.pem", enc);
        assertThatThrownBy(() -> KeyMaterial.fromPem(chain, key))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(key.toString())
                .hasMessageContaining("is an encrypted private key")
                .hasMessageContaining("KeyMaterial.fromPkcs12")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void encryptedTraditionalPemIsRejectedWithAHelpfulMessage() throws Exception {
        String enc = TestCertificates.encryptedPkcs1Pem(rsaLeaf.keys().getPrivate(), "pw".toCharArray());
        assertThat(enc).contains("Proc-Type: 4,ENCRYPTED").contains("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> KeyMaterial.parsePrivateKey("old.pem", enc))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("old.pem is an encrypted private key");
    }

    @Test
    void otherBadKeyFiles() throws Exception {
        assertThatThrownBy(() -> KeyMaterial.parsePrivateKey("a.pem", TestCertificates.certificatesPem(
                List.of(ca.certificate())))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a.pem holds no 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY' block");
        assertThatThrownBy(() -> KeyMaterial.parsePrivateKey("b.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n"))
                .hasMessage("b.pem: missing '-----END PRIVATE KEY-----'");
        assertThatThrownBy(() -> KeyMaterial.parsePrivateKey("c.pem",
                "-----BEGIN PRIVATE KEY-----\nAAAAA\n-----END PRIVATE KEY-----\n"))
                .hasMessage("c.pem: the key block is not valid base64");
        assertThatThrownBy(() -> KeyMaterial.parsePrivateKey("d.pem",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
                .hasMessage("d.pem: not an RSA, EC or EdDSA private key the JDK can read");
        Path chain = write("chain.pem", TestCertificates.certificatesPem(rsaLeaf.chain()));
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> KeyMaterial.fromPem(chain, missing)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("cannot read private key " + missing);
    }

    @Test
    void pkcs12() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("a-trusted-ca", ca.certificate());
        ks.setKeyEntry("client", rsaLeaf.keys().getPrivate(), password,
                rsaLeaf.chain().toArray(new Certificate[0]));
        Path p12 = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }
        KeyMaterial km = KeyMaterial.fromPkcs12(p12, password);
        assertSameKey(km.privateKey(), rsaLeaf.keys());
        assertThat(km.chain()).containsExactly(rsaLeaf.certificate(), ca.certificate());

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, "wrong".toCharArray()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("cannot read PKCS#12 file " + p12);
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(dir.resolve("nope.p12"), password))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.p12");
    }

    @Test
    void pkcs12WithoutAKeyEntry() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca.certificate());
        Path p12 = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, password)).isInstanceOf(ConfigurationException.class)
                .hasMessage(p12 + " holds no private key entry");
    }

    @Test
    void readCertificatesPemAndDer() throws Exception {
        Path pem = write("chain.pem", TestCertificates.certificatesPem(rsaLeaf.chain()));
        assertThat(KeyMaterial.readCertificates(pem)).containsExactly(rsaLeaf.certificate(), ca.certificate());
        Path der = Files.write(dir.resolve("ca.der"), ca.certificate().getEncoded());
        assertThat(KeyMaterial.readCertificates(der)).containsExactly(ca.certificate());
        Path withText = write("bundle.pem", "# my CA bundle\n" + TestCertificates.certificatesPem(List.of(ca.certificate())));
        assertThat(KeyMaterial.readCertificates(withText)).containsExactly(ca.certificate());
        List<X509Certificate> read = KeyMaterial.readCertificates(pem);
        assertThatThrownBy(() -> read.add(ca.certificate())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readCertificatesErrors() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
        assertThatThrownBy(() -> KeyMaterial.readCertificates(empty)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(empty.toString());
        Path key = write("key.pem", TestCertificates.pkcs8Pem(rsaLeaf.keys().getPrivate()));
        assertThatThrownBy(() -> KeyMaterial.readCertificates(key)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(key.toString());
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> KeyMaterial.readCertificates(missing)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("cannot read certificates from " + missing);
    }

    @Test
    void ofValidates() {
        assertThatThrownBy(() -> KeyMaterial.of(rsaLeaf.keys().getPrivate())).isInstanceOf(ConfigurationException.class)
                .hasMessage("key material needs at least one certificate");
        assertThatThrownBy(() -> KeyMaterial.of(null, rsaLeaf.certificate())).isInstanceOf(NullPointerException.class);
        KeyMaterial km = KeyMaterial.of(rsaLeaf.keys().getPrivate(), rsaLeaf.chain());
        assertThat(km.chain()).containsExactly(rsaLeaf.certificate(), ca.certificate());
        assertThatThrownBy(() -> km.chain().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRejectedUpFront() {
        assertThatThrownBy(() -> KeyMaterial.of(ecLeaf.keys().getPrivate(), rsaLeaf.chain()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not belong to the certificate");
        assertThatThrownBy(() -> KeyMaterial.of(ca.keys().getPrivate(), rsaLeaf.chain()))
                .isInstanceOf(ConfigurationException.class);
        assertThat(KeyMaterial.of(ecLeaf.keys().getPrivate(), ecLeaf.chain()).certificate())
                .isEqualTo(ecLeaf.certificate());
    }
}
