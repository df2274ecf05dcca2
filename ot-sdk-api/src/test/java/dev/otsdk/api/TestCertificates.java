package dev.otsdk.api;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A tiny test PKI for the API module's own tests (the testkit depends on this module, so its PKI
 * cannot be used here). Keys come from the JDK's KeyPairGenerator, certificates from BouncyCastle's
 * builders signed and parsed with the JDK's providers; nothing is registered globally.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** A key pair with its certificate and the issuer chain (leaf first). */
    public record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {
        /** @return the key material (key + chain) */
        public KeyMaterial keyMaterial() {
            return KeyMaterial.of(keys.getPrivate(), chain);
        }
    }

    /** @return a fresh 2048-bit RSA key pair */
    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fresh EC P-256 key pair */
    public static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A self-signed CA.
     *
     * @param commonName the CN
     * @return the CA
     */
    public static Issued ca(String commonName) {
        KeyPair keys = rsa();
        X500Name name = new X500Name("CN=" + commonName + ",O=OT SDK api tests");
        try {
            X509v3CertificateBuilder b = builder(name, name, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate cert = sign(b, keys.getPrivate());
            return new Issued(keys, cert, List.of(cert));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TLS server certificate.
     *
     * @param ca the issuer
     * @param commonName the CN
     * @param dnsNames subject alternative DNS names
     * @param ipAddresses subject alternative IP addresses
     * @return the certificate with chain [leaf, ca]
     */
    public static Issued server(Issued ca, String commonName, List<String> dnsNames, List<String> ipAddresses) {
        return leaf(ca, commonName, KeyPurposeId.id_kp_serverAuth, dnsNames, ipAddresses, rsa());
    }

    /**
     * A TLS client certificate.
     *
     * @param ca the issuer
     * @param commonName the CN
     * @return the certificate with chain [leaf, ca]
     */
    public static Issued client(Issued ca, String commonName) {
        return leaf(ca, commonName, KeyPurposeId.id_kp_clientAuth, List.of(), List.of(), rsa());
    }

    /**
     * A leaf certificate for any key.
     *
     * @param ca the issuer
     * @param commonName the CN
     * @param keys the subject's keys
     * @return the certificate with chain [leaf, ca]
     */
    public static Issued leafFor(Issued ca, String commonName, KeyPair keys) {
        return leaf(ca, commonName, KeyPurposeId.id_kp_clientAuth, List.of(), List.of(), keys);
    }

    private static Issued leaf(Issued ca, String commonName, KeyPurposeId purpose, List<String> dnsNames,
            List<String> ipAddresses, KeyPair keys) {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X500Name subject = new X500Name("CN=" + commonName + ",O=OT SDK api tests");
        try {
            X509v3CertificateBuilder b = builder(issuer, subject, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (keys.getPublic().getAlgorithm().equals("RSA")
                    ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
            int i = 0;
            for (String dns : dnsNames) {
                names[i++] = new GeneralName(GeneralName.dNSName, dns);
            }
            for (String ip : ipAddresses) {
                names[i++] = new GeneralName(GeneralName.iPAddress, ip);
            }
            if (names.length > 0) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate cert = sign(b, ca.keys().getPrivate());
            return new Issued(keys, cert, List.of(cert, ca.certificate()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) {
        try {
            String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PEM writers ----

    /**
     * @param certificates certificates in order
     * @return PEM text with one CERTIFICATE block each
     */
    public static String certificatesPem(List<X509Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : certificates) {
                sb.append(block("CERTIFICATE", c.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    /**
     * @param key any private key
     * @return an unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
     */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param key an RSA private key
     * @return a PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), as OpenSSL's traditional format writes it
     */
    public static String pkcs1Pem(PrivateKey key) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /**
     * @param key any private key
     * @param password the password
     * @return an encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY})
     */
    public static String encryptedPkcs8Pem(PrivateKey key, char[] password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider()).setPassword(password).build();
            return pem(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param key an RSA private key
     * @param password the password
     * @return a traditional OpenSSL encrypted PEM ({@code Proc-Type: 4,ENCRYPTED})
     */
    public static String encryptedPkcs1Pem(PrivateKey key, char[] password) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build(password));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static String pem(PemObjectGenerator object) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
