package dev.otsdk.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Builds certificates with BouncyCastle's builders. Keys, signatures and certificate parsing use the
 * JDK's own providers: nothing is registered globally, and the certificates are what the JDK's TLS
 * stack sees in production.
 */
final class Certificates {

    private static final String ORGANIZATION = "OT SDK test PKI";

    private Certificates() {
    }

    static KeyPair generate(CertSpec.KeyType type) {
        try {
            if (type == CertSpec.KeyType.EC_P256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + type + " key pair", e);
        }
    }

    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static X509Certificate ca(X500Name name, KeyPair keys, BigInteger serial, Instant from, Instant until) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name, serial, Date.from(from), Date.from(until), name, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot build the CA certificate", e);
        }
    }

    /**
     * Issues an end-entity certificate.
     *
     * @param issuer the CA's certificate, or {@code null} for a self-signed one
     * @param signer the CA's private key, or the subject's own for a self-signed one
     */
    static X509Certificate leaf(CertSpec spec, PublicKey subjectKey, X509Certificate issuer, PrivateKey signer,
            BigInteger serial, Instant from, Instant until) {
        X500Name subject = name(spec.commonName());
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName, serial, Date.from(from), Date.from(until), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            Set<CertSpec.KeyUsage> usages = spec.keyUsages() != null ? spec.keyUsages() : defaultKeyUsages(spec.keyType());
            // RFC 5280 wants cA with keyCertSign; a self-signed OPC UA certificate signs itself (as Milo's do).
            boolean ca = issuer == null && usages.contains(CertSpec.KeyUsage.KEY_CERT_SIGN);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuer));
            }
            if (!usages.isEmpty()) {
                builder.addExtension(Extension.keyUsage, true, keyUsage(usages));
            }
            if (!spec.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(spec.extendedKeyUsages()));
            }
            GeneralNames altNames = altNames(spec);
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            for (CertSpec.CustomExtension extension : spec.extensions()) {
                builder.addExtension(new ASN1ObjectIdentifier(extension.oid()), extension.critical(),
                        extension.derValue());
            }
            return sign(builder, signer);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue " + spec, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        String algorithm = "EC".equals(signer.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign with " + algorithm, e);
        }
    }

    private static Set<CertSpec.KeyUsage> defaultKeyUsages(CertSpec.KeyType type) {
        return type == CertSpec.KeyType.EC_P256
                ? Set.of(CertSpec.KeyUsage.DIGITAL_SIGNATURE)
                : Set.of(CertSpec.KeyUsage.DIGITAL_SIGNATURE, CertSpec.KeyUsage.KEY_ENCIPHERMENT);
    }

    private static KeyUsage keyUsage(Set<CertSpec.KeyUsage> usages) {
        int bits = 0;
        for (CertSpec.KeyUsage usage : usages) {
            bits |= switch (usage) {
                case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
                case NON_REPUDIATION -> KeyUsage.nonRepudiation;
                case KEY_ENCIPHERMENT -> KeyUsage.keyEncipherment;
                case DATA_ENCIPHERMENT -> KeyUsage.dataEncipherment;
                case KEY_AGREEMENT -> KeyUsage.keyAgreement;
                case KEY_CERT_SIGN -> KeyUsage.keyCertSign;
                case CRL_SIGN -> KeyUsage.cRLSign;
            };
        }
        return new KeyUsage(bits);
    }

    private static ExtendedKeyUsage extendedKeyUsage(Set<CertSpec.ExtendedKeyUsage> usages) {
        List<KeyPurposeId> purposes = new ArrayList<>();
        // Fixed order, so equal specifications give equal encodings.
        if (usages.contains(CertSpec.ExtendedKeyUsage.SERVER_AUTH)) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (usages.contains(CertSpec.ExtendedKeyUsage.CLIENT_AUTH)) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        return new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0]));
    }

    private static GeneralNames altNames(CertSpec spec) {
        List<GeneralName> names = new ArrayList<>();
        for (String uri : spec.uris()) {
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        }
        for (String host : spec.hosts()) {
            boolean ip = IPAddress.isValid(host);
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return names.isEmpty() ? null : new GeneralNames(names.toArray(new GeneralName[0]));
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
