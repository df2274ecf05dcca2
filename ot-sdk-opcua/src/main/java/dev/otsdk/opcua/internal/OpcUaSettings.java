package dev.otsdk.opcua.internal;

import dev.otsdk.api.Credentials;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.opcua.OpcUa;
import dev.otsdk.spi.DriverContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * One session's settings, from the URI and {@code SessionOptions}.
 *
 * @param uri the session URI as given, for messages
 * @param endpointUrl {@code opc.tcp://host:port/path}, without the query
 * @param host the host the user gave (endpoints are rewritten to it)
 * @param port the port the user gave
 * @param policy securityPolicy option
 * @param mode securityMode option
 * @param keepAlive keep-alive interval
 * @param sessionTimeout session timeout
 * @param applicationUri URI for a new application certificate, or {@code null}
 * @param maxNodesPerRequest cap on nodes per request
 * @param credentials the user identity
 * @param clientCertificate the application certificate given in code, or {@code null}
 * @param trusted server certificates trusted in code
 * @param pkiDirectory the PKI folder
 * @param trustOnFirstUse whether an unknown server certificate is trusted on first contact
 * @param requestTimeout request timeout
 * @param connectTimeout connect timeout
 * @param reconnect whether the session reconnects after a drop
 */
record OpcUaSettings(String uri, String endpointUrl, String host, int port, String policy, String mode,
        Duration keepAlive, Duration sessionTimeout, String applicationUri, int maxNodesPerRequest,
        Credentials credentials, KeyMaterial clientCertificate, List<X509Certificate> trusted, Path pkiDirectory,
        boolean trustOnFirstUse, Duration requestTimeout, Duration connectTimeout, boolean reconnect) {

    static OpcUaSettings from(DriverContext c) {
        var e = c.endpoint();
        var o = c.options();
        var s = c.sessionOptions();
        String path = e.path().isEmpty() || e.path().startsWith("/") ? e.path() : "/" + e.path();
        String url = "opc.tcp://" + e.authority() + path;
        return new OpcUaSettings(e.uri(), url, e.host(), e.port(), o.getString(OpcUa.SECURITY_POLICY),
                o.getString(OpcUa.SECURITY_MODE), o.getDuration(OpcUa.KEEP_ALIVE),
                o.getDuration(OpcUa.SESSION_TIMEOUT), o.get(OpcUa.APPLICATION_URI).map(String::valueOf).orElse(null),
                o.getInt(OpcUa.MAX_NODES_PER_REQUEST), s.credentials(), s.clientCertificate().orElse(null),
                s.trustedCertificates(), s.pkiDirectory().orElseGet(PkiFolder::defaultRoot), s.trustOnFirstUse(),
                s.requestTimeout(), s.connectTimeout(), s.reconnect().enabled());
    }
}
