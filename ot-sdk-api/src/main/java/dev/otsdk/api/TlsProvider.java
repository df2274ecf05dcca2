package dev.otsdk.api;

/** Which TLS implementation a session uses. */
public enum TlsProvider {
    /** The JDK's own JSSE (default). */
    JDK,
    /**
     * BouncyCastle's JSSE ({@code org.bouncycastle:bctls-jdk18on} and {@code bcprov-jdk18on} must be on
     * the class or module path), e.g. for FIPS-oriented deployments or JDKs lacking a cipher suite.
     */
    BOUNCY_CASTLE
}
