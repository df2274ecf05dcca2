package dev.otsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionOptionsTest {

    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued client;

    @BeforeAll
    static void pki() {
        ca = TestCertificates.ca("options CA");
        client = TestCertificates.client(ca, "client");
    }

    @Test
    void defaults() {
        SessionOptions d = SessionOptions.defaults();
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.reconnect()).isEqualTo(ReconnectPolicy.defaults());
        assertThat(d.credentials()).isSameAs(Credentials.anonymous());
        assertThat(d.clientCertificate()).isEmpty();
        assertThat(d.trustedCertificates()).isEmpty();
        assertThat(d.hostnameVerification()).isTrue();
        assertThat(d.tlsProvider()).isEqualTo(TlsProvider.JDK);
        assertThat(d.pkiDirectory()).isEmpty();
        assertThat(d.trustOnFirstUse()).isFalse();
        assertThat(d.options()).isEmpty();
        assertThat(d.stateListeners()).isEmpty();
        assertThat(SessionOptions.defaults()).isSameAs(d);
        assertThat(d.toString()).contains("requestTimeout=5s", "connectTimeout=5s", "credentials=anonymous",
                "tlsProvider=JDK", "hostnameVerification=true", "options={}");
    }

    private SessionOptions full(SessionStateListener listener) {
        return SessionOptions.builder()
                .requestTimeout(Duration.ofMillis(750))
                .connectTimeout(Duration.ofSeconds(2))
                .reconnect(ReconnectPolicy.disabled())
                .credentials(Credentials.usernamePassword("op", "secret".toCharArray()))
                .clientCertificate(client.keyMaterial())
                .trust(ca.certificate())
                .hostnameVerification(false)
                .tlsProvider(TlsProvider.BOUNCY_CASTLE)
                .pkiDirectory(Path.of("pki"))
                .trustOnFirstUse(true)
                .option("unit", "3")
                .option("timeout", "1s")
                .stateListener(listener)
                .build();
    }

    @Test
    void builderSetsEverything() {
        SessionStateListener listener = change -> { };
        SessionOptions o = full(listener);
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.reconnect()).isSameAs(ReconnectPolicy.disabled());
        assertThat(o.credentials()).isInstanceOf(Credentials.UsernamePassword.class);
        assertThat(o.clientCertificate()).isPresent();
        assertThat(o.clientCertificate().get().certificate()).isEqualTo(client.certificate());
        assertThat(o.trustedCertificates()).containsExactly(ca.certificate());
        assertThat(o.hostnameVerification()).isFalse();
        assertThat(o.tlsProvider()).isEqualTo(TlsProvider.BOUNCY_CASTLE);
        assertThat(o.pkiDirectory()).contains(Path.of("pki"));
        assertThat(o.trustOnFirstUse()).isTrue();
        assertThat(o.options()).containsExactly(java.util.Map.entry("unit", "3"), java.util.Map.entry("timeout", "1s"));
        assertThat(o.stateListeners()).containsExactly(listener);
        assertThat(o.toString()).contains("user 'op' with password").doesNotContain("secret")
                .contains("trusted=1 certificate(s)").contains("options={unit=3, timeout=1s}");
    }

    @Test
    void toBuilderCopiesEverythingAndIsIndependent() {
        SessionStateListener listener = change -> { };
        SessionOptions o = full(listener);
        SessionOptions copy = o.toBuilder().build();
        assertThat(copy.requestTimeout()).isEqualTo(o.requestTimeout());
        assertThat(copy.connectTimeout()).isEqualTo(o.connectTimeout());
        assertThat(copy.reconnect()).isEqualTo(o.reconnect());
        assertThat(copy.credentials()).isSameAs(o.credentials());
        assertThat(copy.clientCertificate()).isEqualTo(o.clientCertificate());
        assertThat(copy.trustedCertificates()).isEqualTo(o.trustedCertificates());
        assertThat(copy.hostnameVerification()).isEqualTo(o.hostnameVerification());
        assertThat(copy.tlsProvider()).isEqualTo(o.tlsProvider());
        assertThat(copy.pkiDirectory()).isEqualTo(o.pkiDirectory());
        assertThat(copy.trustOnFirstUse()).isEqualTo(o.trustOnFirstUse());
        assertThat(copy.options()).isEqualTo(o.options());
        assertThat(copy.stateListeners()).isEqualTo(o.stateListeners());

        SessionStateListener second = change -> { };
        SessionOptions changed = o.toBuilder().option("unit", "4").option("slot", "1").trust(client.certificate())
                .stateListener(second).requestTimeout(Duration.ofSeconds(9)).build();
        assertThat(changed.options()).containsEntry("unit", "4").containsEntry("slot", "1");
        assertThat(changed.trustedCertificates()).hasSize(2);
        assertThat(changed.stateListeners()).containsExactly(listener, second);
        assertThat(changed.requestTimeout()).isEqualTo(Duration.ofSeconds(9));
        // the original is unchanged
        assertThat(o.options()).containsOnlyKeys("unit", "timeout").containsEntry("unit", "3");
        assertThat(o.trustedCertificates()).hasSize(1);
        assertThat(o.stateListeners()).containsExactly(listener);
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void builtOptionsAreImmutableAndDetachedFromTheBuilder() {
        SessionOptions.Builder b = SessionOptions.builder().option("a", "1").trust(ca.certificate());
        SessionOptions o = b.build();
        b.option("b", "2").trust(client.certificate()).stateListener(change -> { });
        assertThat(o.options()).containsOnlyKeys("a");
        assertThat(o.trustedCertificates()).hasSize(1);
        assertThat(o.stateListeners()).isEmpty();
        assertThatThrownBy(() -> o.options().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.trustedCertificates().add(ca.certificate()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> o.stateListeners().add(change -> { }))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(SessionOptions.defaults().options()).isEmpty();
    }

    @Test
    void trustListAndVarargsAreCopied() {
        List<X509Certificate> list = new ArrayList<>(List.of(ca.certificate()));
        SessionOptions o = SessionOptions.builder().trust(list).build();
        list.add(client.certificate());
        assertThat(o.trustedCertificates()).containsExactly(ca.certificate());
        X509Certificate[] array = {ca.certificate()};
        SessionOptions p = SessionOptions.builder().trust(array).build();
        array[0] = client.certificate();
        assertThat(p.trustedCertificates()).containsExactly(ca.certificate());
    }

    @Test
    void validation() {
        SessionOptions.Builder b = SessionOptions.builder();
        assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestTimeout must be more than zero, got PT0S");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout must be more than zero");
        assertThatThrownBy(() -> b.requestTimeout(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.reconnect(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.credentials(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.clientCertificate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.trust((X509Certificate) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.tlsProvider(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.pkiDirectory(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.option(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.option("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.stateListener(null)).isInstanceOf(NullPointerException.class);
        assertThat(b.build().requestTimeout()).as("failed calls change nothing").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void credentials() {
        char[] pw = "secret".toCharArray();
        Credentials.UsernamePassword c = (Credentials.UsernamePassword) Credentials.usernamePassword("op", pw);
        pw[0] = 'X';
        assertThat(c.password()).containsExactly("secret".toCharArray());
        c.password()[0] = 'Y';
        assertThat(c.password()).containsExactly("secret".toCharArray());
        assertThat(c.user()).isEqualTo("op");
        assertThat(c).hasToString("user 'op' with password");
        assertThat(((Credentials.UsernamePassword) Credentials.password("pw".toCharArray())).user()).isEmpty();
        Credentials.Certificate cert = (Credentials.Certificate) Credentials.certificate(client.keyMaterial());
        assertThat(cert.certificate()).isEqualTo(client.certificate());
        assertThat(cert.privateKey()).isEqualTo(client.keys().getPrivate());
        assertThat(cert.toString()).isEqualTo("certificate O=OT SDK api tests,CN=client");
        assertThat(Credentials.anonymous()).hasToString("anonymous");
    }
}
