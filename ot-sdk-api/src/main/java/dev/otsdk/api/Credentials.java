package dev.otsdk.api;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Who the user is, for protocols with user authentication (OPC UA identities, S7 session password).
 * The client's own certificate for TLS or the OPC UA secure channel is separate: see
 * {@link SessionOptions.Builder#clientCertificate(KeyMaterial)}.
 */
public sealed interface Credentials {

    /** @return anonymous access */
    static Credentials anonymous() {
        return Anonymous.INSTANCE;
    }

    /**
     * User name and password.
     *
     * @param user the user name
     * @param password the password; copied
     * @return the credentials
     */
    static Credentials usernamePassword(String user, char[] password) {
        return new UsernamePassword(user, password);
    }

    /**
     * A password without a user name (S7 protection level).
     *
     * @param password the password; copied
     * @return the credentials
     */
    static Credentials password(char[] password) {
        return new UsernamePassword("", password);
    }

    /**
     * An X.509 user identity (OPC UA).
     *
     * @param key the user's private key and certificate
     * @return the credentials
     */
    static Credentials certificate(KeyMaterial key) {
        return new Certificate(key);
    }

    /** Anonymous access. */
    final class Anonymous implements Credentials {
        static final Anonymous INSTANCE = new Anonymous();

        private Anonymous() {
        }

        @Override
        public String toString() {
            return "anonymous";
        }
    }

    /** A user name and password. The password is never shown by {@link #toString()}. */
    final class UsernamePassword implements Credentials {
        private final String user;
        private final char[] password;

        UsernamePassword(String user, char[] password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password").clone();
        }

        /** @return the user name, empty for a password-only identity */
        public String user() {
            return user;
        }

        /** @return a copy of the password */
        public char[] password() {
            return password.clone();
        }

        @Override
        public String toString() {
            return "user '" + user + "' with password";
        }
    }

    /** An X.509 user certificate with its private key. */
    final class Certificate implements Credentials {
        private final KeyMaterial key;

        Certificate(KeyMaterial key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** @return the user's key material */
        public KeyMaterial key() {
            return key;
        }

        /** @return the user's certificate */
        public X509Certificate certificate() {
            return key.certificate();
        }

        /** @return the user's private key */
        public PrivateKey privateKey() {
            return key.privateKey();
        }

        @Override
        public String toString() {
            return "certificate " + key.certificate().getSubjectX500Principal().getName();
        }
    }
}
