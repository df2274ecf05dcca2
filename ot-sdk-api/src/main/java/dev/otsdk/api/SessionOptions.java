package dev.otsdk.api;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one session. Immutable; build with {@link #builder()}.
 *
 * <p>Connection URI query options and these settings cover the same ground: {@code timeout} is
 * {@link Builder#requestTimeout(Duration)}, {@code connectTimeout} is
 * {@link Builder#connectTimeout(Duration)}, and protocol options such as Modbus {@code unit} can be
 * given here with {@link Builder#option(String, String)}. When both give a value, the URI wins, because
 * it is the more specific of the two. Unknown options are an error either way.
 */
public final class SessionOptions {

    private static final SessionOptions DEFAULTS = builder().build();

    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final ReconnectPolicy reconnect;
    private final Credentials credentials;
    private final KeyMaterial clientCertificate;
    private final List<X509Certificate> trustedCertificates;
    private final boolean hostnameVerification;
    private final TlsProvider tlsProvider;
    private final Path pkiDirectory;
    private final boolean trustOnFirstUse;
    private final Map<String, String> options;
    private final List<SessionStateListener> stateListeners;

    private SessionOptions(Builder b) {
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.reconnect = b.reconnect;
        this.credentials = b.credentials;
        this.clientCertificate = b.clientCertificate;
        this.trustedCertificates = List.copyOf(b.trustedCertificates);
        this.hostnameVerification = b.hostnameVerification;
        this.tlsProvider = b.tlsProvider;
        this.pkiDirectory = b.pkiDirectory;
        this.trustOnFirstUse = b.trustOnFirstUse;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
        this.stateListeners = List.copyOf(b.stateListeners);
    }

    /** @return the defaults: 5 s request and connect timeouts, default reconnect, anonymous, JDK TLS */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return how long one protocol request may take, including time queued behind others */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how long establishing a connection (incl. TLS/secure channel handshake) may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how to reconnect after a drop */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** @return the user identity */
    public Credentials credentials() {
        return credentials;
    }

    /** @return the client's own key and certificate (TLS client auth, OPC UA application certificate) */
    public Optional<KeyMaterial> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** @return certificates trusted to identify servers (CA or server certificates); empty = platform default */
    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    /** @return whether the server certificate must match the host name (default true) */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** @return the TLS implementation */
    public TlsProvider tlsProvider() {
        return tlsProvider;
    }

    /** @return the OPC UA style PKI folder ({@code own/}, {@code trusted/}, {@code issuers/}, {@code rejected/}) */
    public Optional<Path> pkiDirectory() {
        return Optional.ofNullable(pkiDirectory);
    }

    /** @return whether an unknown server certificate is trusted (and remembered) on first contact */
    public boolean trustOnFirstUse() {
        return trustOnFirstUse;
    }

    /** @return protocol options by name, as in a URI query */
    public Map<String, String> options() {
        return options;
    }

    /** @return listeners attached before the first connection attempt */
    public List<SessionStateListener> stateListeners() {
        return stateListeners;
    }

    @Override
    public String toString() {
        return "SessionOptions[requestTimeout=" + Durations.format(requestTimeout) + ", connectTimeout="
                + Durations.format(connectTimeout) + ", reconnect=" + reconnect + ", credentials=" + credentials
                + ", clientCertificate=" + clientCertificate + ", trusted=" + trustedCertificates.size()
                + " certificate(s), hostnameVerification=" + hostnameVerification + ", tlsProvider=" + tlsProvider
                + ", pkiDirectory=" + pkiDirectory + ", trustOnFirstUse=" + trustOnFirstUse + ", options="
                + options + "]";
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
        private Credentials credentials = Credentials.anonymous();
        private KeyMaterial clientCertificate;
        private final List<X509Certificate> trustedCertificates = new ArrayList<>();
        private boolean hostnameVerification = true;
        private TlsProvider tlsProvider = TlsProvider.JDK;
        private Path pkiDirectory;
        private boolean trustOnFirstUse;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<SessionStateListener> stateListeners = new ArrayList<>();

        private Builder() {
        }

        private Builder(SessionOptions o) {
            requestTimeout = o.requestTimeout;
            connectTimeout = o.connectTimeout;
            reconnect = o.reconnect;
            credentials = o.credentials;
            clientCertificate = o.clientCertificate;
            trustedCertificates.addAll(o.trustedCertificates);
            hostnameVerification = o.hostnameVerification;
            tlsProvider = o.tlsProvider;
            pkiDirectory = o.pkiDirectory;
            trustOnFirstUse = o.trustOnFirstUse;
            options.putAll(o.options);
            stateListeners.addAll(o.stateListeners);
        }

        /**
         * @param timeout how long one protocol request may take, more than zero
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param timeout how long connecting may take, more than zero
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param policy how to reconnect
         * @return this builder
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param credentials the user identity
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param key the client's own key and certificate chain
         * @return this builder
         */
        public Builder clientCertificate(KeyMaterial key) {
            this.clientCertificate = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Adds certificates trusted to identify servers.
         *
         * @param certificates CA or server certificates
         * @return this builder
         */
        public Builder trust(X509Certificate... certificates) {
            for (X509Certificate c : certificates) {
                trustedCertificates.add(Objects.requireNonNull(c, "certificate"));
            }
            return this;
        }

        /**
         * Adds certificates trusted to identify servers.
         *
         * @param certificates CA or server certificates
         * @return this builder
         */
        public Builder trust(List<X509Certificate> certificates) {
            return trust(certificates.toArray(new X509Certificate[0]));
        }

        /**
         * @param verify whether the server certificate must match the host (default true); turning it off
         *     is only sensible for devices addressed by an IP missing from their certificate
         * @return this builder
         */
        public Builder hostnameVerification(boolean verify) {
            this.hostnameVerification = verify;
            return this;
        }

        /**
         * @param provider the TLS implementation
         * @return this builder
         */
        public Builder tlsProvider(TlsProvider provider) {
            this.tlsProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * @param directory an OPC UA style PKI folder; created if missing
         * @return this builder
         */
        public Builder pkiDirectory(Path directory) {
            this.pkiDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param trust whether to trust an unknown server certificate on first contact and remember it.
         *     Convenient for commissioning, unsafe on untrusted networks; logged as a warning.
         * @return this builder
         */
        public Builder trustOnFirstUse(boolean trust) {
            this.trustOnFirstUse = trust;
            return this;
        }

        /**
         * Sets a protocol or common option exactly as it would appear in the URI query.
         *
         * @param name e.g. {@code unit}
         * @param value e.g. {@code 3}
         * @return this builder
         */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Attaches a state listener before the first connection attempt, so it sees CONNECTING too.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder stateListener(SessionStateListener listener) {
            stateListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the options */
        public SessionOptions build() {
            return new SessionOptions(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be more than zero, got " + d);
            }
            return d;
        }
    }
}
