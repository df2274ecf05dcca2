package dev.otsdk.testkit;

/**
 * A protocol emulator: a server that runs in-process on a loopback port, keeps all of its state per
 * instance and is closed when the test is done.
 *
 * <p>Declare one as a field annotated with {@link StartStop} and let {@link EmulatorExtension} start
 * and close it, or call {@link #start()} and {@link #close()} yourself (try-with-resources works).
 *
 * <p>Implementations bind port 0 unless configured otherwise, so parallel tests never collide. Whether
 * a closed emulator can be started again is up to the implementation, which documents it; one that
 * cannot throws {@link IllegalStateException} from {@link #start()}.
 */
public interface Emulator extends AutoCloseable {

    /**
     * Starts serving. Calling it on a running emulator does nothing.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     * @throws IllegalStateException if this emulator cannot be started (again)
     */
    void start();

    /**
     * Returns the port the emulator listens on.
     *
     * @return the bound port, never 0
     * @throws IllegalStateException if the emulator is not running
     */
    int port();

    /**
     * Returns the address to connect to, in the SDK's URI form, e.g. {@code modbus+tcp://127.0.0.1:50123}.
     *
     * @return the URI clients connect to
     * @throws IllegalStateException if the emulator is not running
     */
    String uri();

    /**
     * Tells whether the emulator is serving.
     *
     * @return {@code true} between a successful {@link #start()} and {@link #close()}
     */
    boolean isRunning();

    /**
     * Stops serving, closes every open connection and releases all resources. Calling it again, or on
     * an emulator that was never started, does nothing.
     */
    @Override
    void close();
}
