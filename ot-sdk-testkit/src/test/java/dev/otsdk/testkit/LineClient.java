package dev.otsdk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking socket client: a background thread collects whatever arrives, so tests can wait for
 * bytes, end of stream or a reset with Awaitility instead of sleeping.
 */
final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean endOfStream;
    private volatile IOException failure;

    LineClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        reader = new Thread(this::readUntilClosed, "line-client-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    void send(String line) {
        try {
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The server closed the connection normally (FIN). */
    boolean isEndOfStream() {
        return endOfStream;
    }

    /** Why reading failed, e.g. "Connection reset"; null while it has not. */
    IOException failure() {
        return failure;
    }

    private void readUntilClosed() {
        byte[] buffer = new byte[256];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) != -1; ) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
            }
            endOfStream = true;
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
