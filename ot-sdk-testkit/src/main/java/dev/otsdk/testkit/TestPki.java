package dev.otsdk.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * An in-memory certificate authority for tests: TLS server and client certificates, Modbus/TCP
 * Security role certificates and OPC UA application certificates, without files or tools.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * TestIdentity server = pki.server("localhost", "127.0.0.1");
 * TestIdentity operator = pki.client("operator-1", "operator");
 * KeyStore trust = pki.trustStore();
 * TestIdentity stranger = TestPki.create().client("mallory");   // signed by an untrusted CA
 * }</pre>
 *
 * <p>Each instance is an independent CA with its own RSA 2048 key. To stay fast, the certificates it
 * issues share one key pair per {@link CertSpec.KeyType} unless {@link CertSpec.Builder#uniqueKey()}
 * asks otherwise: an RSA key takes around a tenth of a second to generate, an EC key a millisecond.
 * Certificates are valid from an hour ago for {@link CertSpec#DEFAULT_VALIDITY} unless the
 * specification says otherwise. Thread-safe.
 */
public final class TestPki {

    /** The Modbus/TCP Security role extension: its value is an ASN.1 UTF8String naming the role. */
    public static final String MODBUS_ROLE_OID = "1.3.6.1.4.1.50316.802.1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    private final TestIdentity ca;
    private final AtomicLong serials = new AtomicLong(RANDOM.nextLong() >>> 2); // positive, room to count
    private final Map<CertSpec.KeyType, KeyPair> sharedKeys = new EnumMap<>(CertSpec.KeyType.class);

    private TestPki(String caCommonName) {
        KeyPair keys = Certificates.generate(CertSpec.KeyType.RSA_2048);
        Instant from = Instant.now().minus(CLOCK_SKEW);
        X509Certificate certificate = Certificates.ca(Certificates.name(caCommonName), keys, nextSerial(),
                from, from.plus(CertSpec.DEFAULT_VALIDITY));
        ca = new TestIdentity(fileName(caCommonName), keys.getPrivate(), List.of(certificate));
    }

    /**
     * Creates a new CA with a random name, independent of every other.
     *
     * @return a new test PKI
     */
    public static TestPki create() {
        return create("OT SDK Test CA " + HexFormat.of().toHexDigits(RANDOM.nextInt()));
    }

    /**
     * Creates a new CA with a given common name.
     *
     * @param caCommonName the CA's subject CN
     * @return a new test PKI
     */
    public static TestPki create(String caCommonName) {
        return new TestPki(Objects.requireNonNull(caCommonName, "caCommonName"));
    }

    /**
     * Returns the CA itself: its private key and self-signed certificate.
     *
     * @return the CA identity
     */
    public TestIdentity ca() {
        return ca;
    }

    /**
     * Returns the CA certificate, the trust anchor for everything this PKI issues.
     *
     * @return the self-signed CA certificate
     */
    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /**
     * Returns a PKCS#12 trust store holding the CA certificate under the alias {@code ca}.
     *
     * @return a new, loaded key store (it has no password)
     */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", caCertificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store", e);
        }
    }

    /**
     * Issues a TLS server certificate; see {@link CertSpec#server(String...)}.
     *
     * @param dnsNamesOrIps the names it is valid for; none means {@code localhost}, {@code 127.0.0.1}
     *        and {@code ::1}
     * @return the identity
     */
    public TestIdentity server(String... dnsNamesOrIps) {
        return issue(CertSpec.server(dnsNamesOrIps).build());
    }

    /**
     * Issues a TLS client certificate; see {@link CertSpec#client(String)}.
     *
     * @param commonName the client's CN
     * @return the identity
     */
    public TestIdentity client(String commonName) {
        return issue(CertSpec.client(commonName).build());
    }

    /**
     * Issues a Modbus/TCP Security client certificate carrying a role.
     *
     * @param commonName the client's CN
     * @param modbusRole the role, stored in the {@value #MODBUS_ROLE_OID} extension
     * @return the identity
     */
    public TestIdentity client(String commonName, String modbusRole) {
        return issue(CertSpec.client(commonName).modbusRole(modbusRole).build());
    }

    /**
     * Issues an OPC UA application instance certificate; see
     * {@link CertSpec#opcUaApplication(String, String...)}.
     *
     * @param applicationUri the application URI, also placed in the SAN
     * @param hosts the host names or IPs the application runs on; none means {@code localhost} and
     *        {@code 127.0.0.1}
     * @return the identity
     */
    public TestIdentity opcUaApplication(String applicationUri, String... hosts) {
        return issue(CertSpec.opcUaApplication(applicationUri, hosts).build());
    }

    /**
     * Makes a self-signed server certificate that no CA vouches for.
     *
     * @param dnsNamesOrIps the names it is valid for; none means {@code localhost}, {@code 127.0.0.1}
     *        and {@code ::1}
     * @return the identity; its chain is just its certificate
     */
    public TestIdentity selfSigned(String... dnsNamesOrIps) {
        return issue(CertSpec.server(dnsNamesOrIps).selfSigned().build());
    }

    /**
     * Issues a certificate to a specification.
     *
     * @param spec what to issue
     * @return the identity; its chain ends with this CA's certificate unless the spec is self-signed
     */
    public TestIdentity issue(CertSpec spec) {
        Objects.requireNonNull(spec, "spec");
        KeyPair keys = spec.uniqueKey() ? Certificates.generate(spec.keyType()) : sharedKey(spec.keyType());
        Instant from = spec.notBefore() != null ? spec.notBefore() : Instant.now().minus(CLOCK_SKEW);
        Instant until = spec.notAfter() != null ? spec.notAfter() : from.plus(CertSpec.DEFAULT_VALIDITY);
        String name = fileName(spec.commonName());
        if (spec.selfSigned()) {
            X509Certificate certificate = Certificates.leaf(spec, keys.getPublic(), null, keys.getPrivate(),
                    nextSerial(), from, until);
            return new TestIdentity(name, keys.getPrivate(), List.of(certificate));
        }
        X509Certificate certificate = Certificates.leaf(spec, keys.getPublic(), caCertificate(), ca.privateKey(),
                nextSerial(), from, until);
        return new TestIdentity(name, keys.getPrivate(), List.of(certificate, caCertificate()));
    }

    /**
     * Reads the Modbus/TCP Security role from a certificate, as a Modbus/TCP Security server does to
     * authorize a client.
     *
     * @param certificate a client certificate
     * @return the role, or empty if the certificate has no role extension
     * @throws IllegalArgumentException if the extension is there but is not a UTF8String
     */
    public static Optional<String> roleOf(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(MODBUS_ROLE_OID);
        if (extension == null) {
            return Optional.empty();
        }
        ASN1Primitive value;
        try {
            value = JcaX509ExtensionUtils.parseExtensionValue(extension);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed Modbus role extension", e);
        }
        if (!(value instanceof ASN1UTF8String role)) {
            throw new IllegalArgumentException("The Modbus role extension is not a UTF8String: " + value);
        }
        return Optional.of(role.getString());
    }

    /** The DER encoding of a UTF8String, the Modbus role extension's value. */
    static byte[] utf8StringDer(String value) {
        return Certificates.der(new DERUTF8String(Objects.requireNonNull(value, "value")));
    }

    private synchronized KeyPair sharedKey(CertSpec.KeyType type) {
        return sharedKeys.computeIfAbsent(type, Certificates::generate);
    }

    private BigInteger nextSerial() {
        return BigInteger.valueOf(serials.incrementAndGet());
    }

    private static String fileName(String commonName) {
        String name = commonName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return name.isEmpty() ? "identity" : name;
    }

    @Override
    public String toString() {
        return "TestPki[" + caCertificate().getSubjectX500Principal().getName() + "]";
    }
}
