package dev.otsdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What certificate {@link TestPki#issue(CertSpec)} should make. Immutable; built with {@link Builder},
 * usually starting from one of the presets ({@link #server(String...)}, {@link #client(String)},
 * {@link #opcUaApplication(String, String...)}) and changing what the test is about:
 *
 * <pre>{@code
 * TestIdentity expired = pki.issue(CertSpec.server("localhost").expired().build());
 * }</pre>
 */
public final class CertSpec {

    /** How long certificates are valid by default, counting from an hour ago (to tolerate clock skew). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    /** The key pair type of a certificate. */
    public enum KeyType {
        /** RSA with a 2048-bit modulus, signed with SHA256withRSA; what OPC UA's RSA policies require. */
        RSA_2048,
        /** ECDSA on the NIST P-256 curve, signed with SHA256withECDSA; much faster to generate. */
        EC_P256
    }

    /** Bits of the X.509 key usage extension (RFC 5280, 4.2.1.3). */
    public enum KeyUsage {
        /** Verify signatures other than on certificates and CRLs, e.g. in a TLS handshake. */
        DIGITAL_SIGNATURE,
        /** Non-repudiation, also called content commitment. */
        NON_REPUDIATION,
        /** Encrypt keys, e.g. the TLS 1.2 RSA key exchange. */
        KEY_ENCIPHERMENT,
        /** Encrypt data directly with the public key. */
        DATA_ENCIPHERMENT,
        /** Key agreement, e.g. ECDH. */
        KEY_AGREEMENT,
        /** Verify signatures on certificates. */
        KEY_CERT_SIGN,
        /** Verify signatures on CRLs. */
        CRL_SIGN
    }

    /** Purposes of the X.509 extended key usage extension (RFC 5280, 4.2.1.12). */
    public enum ExtendedKeyUsage {
        /** TLS server authentication, {@code 1.3.6.1.5.5.7.3.1}. */
        SERVER_AUTH,
        /** TLS client authentication, {@code 1.3.6.1.5.5.7.3.2}. */
        CLIENT_AUTH
    }

    private final String commonName;
    private final List<String> hosts;
    private final List<String> uris;
    private final Set<KeyUsage> keyUsages;
    private final Set<ExtendedKeyUsage> extendedKeyUsages;
    private final List<CustomExtension> extensions;
    private final Instant notBefore;
    private final Instant notAfter;
    private final KeyType keyType;
    private final boolean uniqueKey;
    private final boolean selfSigned;

    private CertSpec(Builder b) {
        commonName = b.commonName;
        hosts = List.copyOf(b.hosts);
        uris = List.copyOf(b.uris);
        keyUsages = b.keyUsages == null ? null : Set.copyOf(b.keyUsages);
        extendedKeyUsages = Set.copyOf(b.extendedKeyUsages);
        extensions = List.copyOf(b.extensions);
        notBefore = b.notBefore;
        notAfter = b.notAfter;
        keyType = b.keyType;
        uniqueKey = b.uniqueKey;
        selfSigned = b.selfSigned;
    }

    /**
     * Starts a specification with only a subject common name: no SAN, no extended key usage, default
     * key usage and validity.
     *
     * @param commonName the subject's CN
     * @return a builder
     */
    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    /**
     * Starts a TLS server certificate: SAN entries for the hosts, extended key usage serverAuth. The CN
     * is the first host.
     *
     * @param hosts DNS names or IP literals; none means {@code localhost}, {@code 127.0.0.1} and {@code ::1}
     * @return a builder
     */
    public static Builder server(String... hosts) {
        String[] names = hosts.length == 0 ? new String[] {"localhost", "127.0.0.1", "::1"} : hosts;
        return builder(names[0]).hosts(names).extendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH);
    }

    /**
     * Starts a TLS client certificate: extended key usage clientAuth.
     *
     * @param commonName the client's CN
     * @return a builder
     */
    public static Builder client(String commonName) {
        return builder(commonName).extendedKeyUsage(ExtendedKeyUsage.CLIENT_AUTH);
    }

    /**
     * Starts an OPC UA application instance certificate: SAN with the application URI and the hosts,
     * key usage digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment and keyCertSign,
     * extended key usage serverAuth and clientAuth, RSA 2048 signed with SHA256withRSA.
     *
     * @param applicationUri the application URI, e.g. {@code urn:otsdk:test:server}
     * @param hosts DNS names or IP literals; none means {@code localhost} and {@code 127.0.0.1}
     * @return a builder
     */
    public static Builder opcUaApplication(String applicationUri, String... hosts) {
        Objects.requireNonNull(applicationUri, "applicationUri");
        String[] names = hosts.length == 0 ? new String[] {"localhost", "127.0.0.1"} : hosts;
        return builder("OPC UA " + applicationUri)
                .uri(applicationUri)
                .hosts(names)
                .keyType(KeyType.RSA_2048)
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION, KeyUsage.KEY_ENCIPHERMENT,
                        KeyUsage.DATA_ENCIPHERMENT, KeyUsage.KEY_CERT_SIGN)
                .extendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH, ExtendedKeyUsage.CLIENT_AUTH);
    }

    /**
     * Returns a builder holding this specification, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(commonName);
        b.hosts.addAll(hosts);
        b.uris.addAll(uris);
        if (keyUsages != null) {
            b.keyUsages = EnumSet.noneOf(KeyUsage.class);
            b.keyUsages.addAll(keyUsages);
        }
        b.extendedKeyUsages.addAll(extendedKeyUsages);
        b.extensions.addAll(extensions);
        b.notBefore = notBefore;
        b.notAfter = notAfter;
        b.keyType = keyType;
        b.uniqueKey = uniqueKey;
        b.selfSigned = selfSigned;
        return b;
    }

    String commonName() {
        return commonName;
    }

    List<String> hosts() {
        return hosts;
    }

    List<String> uris() {
        return uris;
    }

    /** Null means "the default for the key type". */
    Set<KeyUsage> keyUsages() {
        return keyUsages;
    }

    Set<ExtendedKeyUsage> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    List<CustomExtension> extensions() {
        return extensions;
    }

    /** Null means "an hour before issuing". */
    Instant notBefore() {
        return notBefore;
    }

    /** Null means "{@link #DEFAULT_VALIDITY} after notBefore". */
    Instant notAfter() {
        return notAfter;
    }

    KeyType keyType() {
        return keyType;
    }

    boolean uniqueKey() {
        return uniqueKey;
    }

    boolean selfSigned() {
        return selfSigned;
    }

    @Override
    public String toString() {
        return "CertSpec[CN=" + commonName + ", hosts=" + hosts + ", uris=" + uris + ", keyType=" + keyType
                + (selfSigned ? ", self-signed" : "") + "]";
    }

    /** An extension added verbatim. */
    record CustomExtension(String oid, boolean critical, byte[] derValue) {
    }

    /** Builds a {@link CertSpec}. Not thread-safe. */
    public static final class Builder {

        private final String commonName;
        private final List<String> hosts = new ArrayList<>();
        private final List<String> uris = new ArrayList<>();
        private Set<KeyUsage> keyUsages;
        private final Set<ExtendedKeyUsage> extendedKeyUsages = EnumSet.noneOf(ExtendedKeyUsage.class);
        private final List<CustomExtension> extensions = new ArrayList<>();
        private Instant notBefore;
        private Instant notAfter;
        private KeyType keyType = KeyType.RSA_2048;
        private boolean uniqueKey;
        private boolean selfSigned;

        private Builder(String commonName) {
            this.commonName = Objects.requireNonNull(commonName, "commonName");
        }

        /**
         * Adds subject alternative names: IP literals become iPAddress entries, anything else a dNSName.
         *
         * @param dnsNamesOrIps host names or IP literals
         * @return this builder
         */
        public Builder hosts(String... dnsNamesOrIps) {
            for (String host : dnsNamesOrIps) {
                hosts.add(Objects.requireNonNull(host, "host"));
            }
            return this;
        }

        /**
         * Adds a uniformResourceIdentifier subject alternative name, such as an OPC UA application URI.
         *
         * @param uri the URI
         * @return this builder
         */
        public Builder uri(String uri) {
            uris.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /**
         * Sets the key usage bits, replacing the default (digitalSignature and keyEncipherment for RSA,
         * digitalSignature for EC). No argument leaves the extension out.
         *
         * @param usages the bits to set
         * @return this builder
         */
        public Builder keyUsage(KeyUsage... usages) {
            keyUsages = EnumSet.noneOf(KeyUsage.class);
            keyUsages.addAll(Arrays.asList(usages));
            return this;
        }

        /**
         * Sets the extended key usage purposes. No argument leaves the extension out.
         *
         * @param usages the purposes
         * @return this builder
         */
        public Builder extendedKeyUsage(ExtendedKeyUsage... usages) {
            extendedKeyUsages.clear();
            extendedKeyUsages.addAll(Arrays.asList(usages));
            return this;
        }

        /**
         * Adds the Modbus/TCP Security role extension ({@value TestPki#MODBUS_ROLE_OID}, a UTF8String,
         * not critical).
         *
         * @param role the role, e.g. {@code operator}
         * @return this builder
         */
        public Builder modbusRole(String role) {
            return extension(TestPki.MODBUS_ROLE_OID, false, TestPki.utf8StringDer(role));
        }

        /**
         * Adds an extension with a DER-encoded value.
         *
         * @param oid the extension's object identifier, e.g. {@code 1.3.6.1.4.1.50316.802.1}
         * @param critical whether to mark it critical
         * @param derValue the DER encoding of the extension value (not wrapped in an OCTET STRING); copied
         * @return this builder
         */
        public Builder extension(String oid, boolean critical, byte[] derValue) {
            extensions.add(new CustomExtension(Objects.requireNonNull(oid, "oid"), critical, derValue.clone()));
            return this;
        }

        /**
         * Sets the validity period.
         *
         * @param from the first instant the certificate is valid
         * @param until the last instant the certificate is valid
         * @return this builder
         */
        public Builder validity(Instant from, Instant until) {
            if (!Objects.requireNonNull(until, "until").isAfter(Objects.requireNonNull(from, "from"))) {
                throw new IllegalArgumentException("validity must end after it starts: " + from + " .. " + until);
            }
            notBefore = from;
            notAfter = until;
            return this;
        }

        /**
         * Makes a certificate whose validity ended yesterday.
         *
         * @return this builder
         */
        public Builder expired() {
            Instant now = Instant.now();
            return validity(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        }

        /**
         * Makes a certificate whose validity starts tomorrow.
         *
         * @return this builder
         */
        public Builder notYetValid() {
            Instant now = Instant.now();
            return validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
        }

        /**
         * Sets the key pair type; {@link KeyType#RSA_2048} by default.
         *
         * @param type the key type
         * @return this builder
         */
        public Builder keyType(KeyType type) {
            keyType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Gives the certificate a key pair of its own. By default all certificates of one type issued by
         * a {@link TestPki} share a key pair, because generating RSA keys takes a tenth of a second each.
         *
         * @return this builder
         */
        public Builder uniqueKey() {
            uniqueKey = true;
            return this;
        }

        /**
         * Signs the certificate with its own key instead of the CA's; the issuer is the subject. If its
         * key usage includes {@link KeyUsage#KEY_CERT_SIGN} (as OPC UA's self-signed application
         * certificates do) basic constraints mark it as a CA; otherwise, and for every CA-issued
         * certificate, they do not.
         *
         * @return this builder
         */
        public Builder selfSigned() {
            selfSigned = true;
            return this;
        }

        /**
         * Builds the specification.
         *
         * @return an immutable specification
         */
        public CertSpec build() {
            return new CertSpec(this);
        }
    }
}
