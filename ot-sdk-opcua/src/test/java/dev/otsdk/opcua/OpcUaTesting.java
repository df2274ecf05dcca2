package dev.otsdk.opcua;

import dev.otsdk.api.OtClient;
import dev.otsdk.api.ReconnectPolicy;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Shared helpers: one client per test class, a throw-away PKI folder per test. */
final class OpcUaTesting {

    private OpcUaTesting() {
    }

    static Path tempPki() {
        try {
            return Files.createTempDirectory("otsdk-pki-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionOptions.Builder options(Path pki) {
        return SessionOptions.builder()
                .pkiDirectory(pki)
                .requestTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(10))
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    static Session plain(OtClient client, String uri) {
        return client.connect(uri + "?securityPolicy=None", options(tempPki()).build());
    }
}
