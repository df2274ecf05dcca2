package dev.otsdk.cli;

import dev.otsdk.testkit.Emulator;
import dev.otsdk.testkit.EmulatorFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Makes emulators that serve nothing but record how they were made and run. */
final class FakeEmulatorFactory implements EmulatorFactory {

    final List<FakeEmulator> created = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String description() {
        return "an emulator that serves nothing";
    }

    @Override
    public Emulator create(int port, Map<String, String> options) {
        FakeEmulator e = new FakeEmulator(port, options);
        created.add(e);
        return e;
    }

    static final class FakeEmulator implements Emulator {
        final int requestedPort;
        final Map<String, String> options;
        volatile boolean started;
        private volatile boolean running;

        FakeEmulator(int port, Map<String, String> options) {
            this.requestedPort = port;
            this.options = options;
        }

        @Override
        public void start() {
            started = true;
            running = true;
        }

        @Override
        public int port() {
            return requestedPort == 0 ? 40000 : requestedPort;
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
            running = false;
        }
    }
}
