package dev.otsdk.testkit.internal;

import dev.otsdk.testkit.Emulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulators one JUnit context started, in start order. Deliberately not {@link AutoCloseable}:
 * JUnit would close it on its own schedule, while the extension closes it explicitly so that failures
 * are reported on the right test.
 */
public final class StartedEmulators {

    private final List<Emulator> emulators = new ArrayList<>();

    /** Creates an empty list. */
    public StartedEmulators() {
    }

    /**
     * Tells whether an emulator (by identity) is already managed here.
     *
     * @param emulator an emulator
     * @return whether it was added before
     */
    public synchronized boolean contains(Emulator emulator) {
        for (Emulator e : emulators) {
            if (e == emulator) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds an emulator before starting it, so that one whose start fails half-way is still closed.
     *
     * @param emulator the emulator about to start
     */
    public synchronized void add(Emulator emulator) {
        emulators.add(emulator);
    }

    /**
     * Closes every emulator in reverse start order, even when some fail to close, and forgets them.
     *
     * @throws Exception the first close failure, with any later ones attached as suppressed
     */
    public void closeAll() throws Exception {
        List<Emulator> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(emulators);
            emulators.clear();
        }
        Throwable failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure); // a bare Throwable subclass
        }
    }
}
