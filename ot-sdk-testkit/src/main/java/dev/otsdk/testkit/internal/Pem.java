package dev.otsdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM (RFC 7468) text encoding. */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /**
     * Encodes DER bytes as one PEM block.
     *
     * @param label the block label, e.g. {@code CERTIFICATE} or {@code PRIVATE KEY}
     * @param der the DER encoding
     * @return the block, ending with a newline
     */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
