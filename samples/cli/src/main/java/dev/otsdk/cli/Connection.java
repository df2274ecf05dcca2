package dev.otsdk.cli;

import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionOptions;

/** A client and its one session, closed together; every command that talks to a device uses one. */
final class Connection implements AutoCloseable {

    private final OtClient client;
    private final Session session;

    private Connection(OtClient client, Session session) {
        this.client = client;
        this.session = session;
    }

    /**
     * Connects and waits until connected.
     *
     * @param uri the device URI
     * @param options session settings from the global options
     * @return the connection
     */
    static Connection open(String uri, SessionOptions options) {
        OtClient client = OtClient.create();
        try {
            return new Connection(client, client.connect(uri, options));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    Session session() {
        return session;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            client.close();
        }
    }
}
