package dev.otsdk.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (leaf first): the client's identity for Modbus/TCP Security
 * (TLS client certificate) and the OPC UA application instance certificate, or a user certificate.
 */
public final class KeyMaterial {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new ConfigurationException("key material needs at least one certificate");
        }
        this.chain = List.copyOf(chain);
        checkPair(privateKey, this.chain.get(0));
    }

    /** A mismatched key and certificate would only fail later, in a handshake, with a vague alert. */
    private static void checkPair(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // e.g. RSASSA-PSS keys: left to the handshake
        }
        try {
            byte[] probe = "ot-sdk key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's ends up here too
        }
        throw new ConfigurationException("the private key does not belong to the certificate "
                + certificate.getSubjectX500Principal().getName());
    }

    /**
     * Key material from objects.
     *
     * @param privateKey the private key
     * @param chain the certificate chain, leaf first
     * @return the key material
     */
    public static KeyMaterial of(PrivateKey privateKey, X509Certificate... chain) {
        return new KeyMaterial(privateKey, List.of(chain));
    }

    /**
     * Key material from objects.
     *
     * @param privateKey the private key
     * @param chain the certificate chain, leaf first
     * @return the key material
     */
    public static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new KeyMaterial(privateKey, chain);
    }

    /**
     * Loads the first key entry of a PKCS#12 file.
     *
     * @param file the {@code .p12}/{@code .pfx} file
     * @param password the store and key password
     * @return the key material
     * @throws ConfigurationException if the file cannot be read or holds no key
     */
    public static KeyMaterial fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    if (key instanceof PrivateKey pk) {
                        List<X509Certificate> chain = new ArrayList<>();
                        for (Certificate c : ks.getCertificateChain(alias)) {
                            chain.add((X509Certificate) c);
                        }
                        return new KeyMaterial(pk, chain);
                    }
                }
            }
            throw new ConfigurationException(file + " holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot read PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads PEM files: a certificate chain (leaf first) and an unencrypted PKCS#8 ({@code BEGIN PRIVATE
     * KEY}) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) private key. For encrypted keys use PKCS#12.
     *
     * @param certificateChain PEM file with one or more certificates
     * @param privateKey PEM file with the private key
     * @return the key material
     * @throws ConfigurationException if a file cannot be read or parsed, saying which
     */
    public static KeyMaterial fromPem(Path certificateChain, Path privateKey) {
        List<X509Certificate> chain = readCertificates(certificateChain);
        String pem;
        try {
            pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read private key " + privateKey + ": " + e.getMessage(), e);
        }
        return new KeyMaterial(parsePrivateKey(privateKey.toString(), pem), chain);
    }

    /**
     * Reads X.509 certificates from a PEM or DER file, e.g. trusted CA certificates.
     *
     * @param file the file
     * @return the certificates in file order
     * @throws ConfigurationException if the file cannot be read or holds no certificate
     */
    public static List<X509Certificate> readCertificates(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new ConfigurationException(file + " holds no X.509 certificate");
            }
            return List.copyOf(out);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey parsePrivateKey(String source, String pem) {
        boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
        if (pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new ConfigurationException(source + " is an encrypted private key: use a PKCS#12 file"
                    + " (KeyMaterial.fromPkcs12) or decrypt it with 'openssl pkcs8 -topk8 -nocrypt'");
        }
        if (!pkcs1 && !pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new ConfigurationException(source + " holds no 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY'"
                    + " block; convert other formats with 'openssl pkcs8 -topk8 -nocrypt'");
        }
        String marker = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
        int start = pem.indexOf("-----BEGIN " + marker + "-----") + ("-----BEGIN " + marker + "-----").length();
        int end = pem.indexOf("-----END " + marker + "-----", start);
        if (end < 0) {
            throw new ConfigurationException(source + ": missing '-----END " + marker + "-----'");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(start, end));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": the key block is not valid base64", e);
        }
        if (pkcs1) {
            der = Pkcs8.wrapRsa(der);
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new ConfigurationException(source + ": not an RSA, EC or EdDSA private key the JDK can read");
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the leaf certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the chain, leaf first */
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificate().getSubjectX500Principal().getName() + ", " + privateKey.getAlgorithm()
                + " key]";
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo so the JDK can read it. */
    private static final class Pkcs8 {
        private static final byte[] RSA_ALGORITHM_ID = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
        };

        static byte[] wrapRsa(byte[] pkcs1) {
            byte[] version = {0x02, 0x01, 0x00};
            byte[] octet = tlv(0x04, pkcs1);
            byte[] body = concat(version, RSA_ALGORITHM_ID, octet);
            return tlv(0x30, body);
        }

        private static byte[] tlv(int tag, byte[] value) {
            byte[] len = length(value.length);
            byte[] out = new byte[1 + len.length + value.length];
            out[0] = (byte) tag;
            System.arraycopy(len, 0, out, 1, len.length);
            System.arraycopy(value, 0, out, 1 + len.length, value.length);
            return out;
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            int bytes = n > 0xFFFFFF ? 4 : n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
            byte[] out = new byte[1 + bytes];
            out[0] = (byte) (0x80 | bytes);
            for (int i = 0; i < bytes; i++) {
                out[bytes - i] = (byte) (n >>> (8 * i));
            }
            return out;
        }

        private static byte[] concat(byte[]... parts) {
            int total = 0;
            for (byte[] p : parts) {
                total += p.length;
            }
            byte[] out = new byte[total];
            int pos = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, pos, p.length);
                pos += p.length;
            }
            return out;
        }
    }
}
