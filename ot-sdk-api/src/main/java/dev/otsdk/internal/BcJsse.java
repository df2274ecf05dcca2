package dev.otsdk.internal;

import dev.otsdk.api.ConfigurationException;
import java.security.Provider;

/** Loads BouncyCastle JSSE only when asked for, so it stays an optional dependency. */
public final class BcJsse {

    private BcJsse() {
    }

    /**
     * @return a BouncyCastle JSSE provider backed by the BouncyCastle crypto provider
     * @throws ConfigurationException if bctls/bcprov are not on the class or module path
     */
    public static Provider provider() {
        try {
            return Holder.create();
        } catch (NoClassDefFoundError e) {
            throw new ConfigurationException("TlsProvider.BOUNCY_CASTLE needs org.bouncycastle:bctls-jdk18on and"
                    + " bcprov-jdk18on on the class or module path", e);
        }
    }

    /** Separate class so that BouncyCastle classes are resolved only here. */
    private static final class Holder {
        static Provider create() {
            return new org.bouncycastle.jsse.provider.BouncyCastleJsseProvider(
                    new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }
}
