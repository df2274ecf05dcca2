package dev.otsdk.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An emulator that serves nothing and logs its lifecycle to {@link #EVENTS}, for extension tests. */
final class FakeEmulator implements Emulator {

    /** Shared by all fakes so tests can check the order across emulators; cleared by each test. */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private final String name;
    private RuntimeException startFailure;
    private RuntimeException closeFailure;
    private volatile boolean running;

    FakeEmulator(String name) {
        this.name = name;
    }

    FakeEmulator failingStart(String message) {
        startFailure = new IllegalStateException(message);
        return this;
    }

    FakeEmulator failingClose(String message) {
        closeFailure = new IllegalStateException(message);
        return this;
    }

    @Override
    public void start() {
        EVENTS.add("start " + name);
        if (startFailure != null) {
            throw startFailure;
        }
        running = true;
    }

    @Override
    public int port() {
        if (!running) {
            throw new IllegalStateException(name + " is not running");
        }
        return 4711;
    }

    @Override
    public String uri() {
        return "fake://127.0.0.1:" + port();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        EVENTS.add("close " + name);
        running = false;
        if (closeFailure != null) {
            throw closeFailure;
        }
    }
}
