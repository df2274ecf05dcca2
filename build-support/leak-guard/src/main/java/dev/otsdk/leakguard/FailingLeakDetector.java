package dev.otsdk.leakguard;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Netty leak detector that remembers every leak report so {@link LeakGuardExtension} can fail the
 * test class that was running. Installed with {@code -Dio.netty.customResourceLeakDetector}.
 *
 * @param <T> the tracked resource type
 */
public final class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    /**
     * Called reflectively by Netty's leak detector factory.
     *
     * @param resourceType the tracked type
     * @param samplingInterval the sampling interval
     */
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /**
     * Older factory signature, kept because Netty still probes for it first on some versions.
     *
     * @param resourceType the tracked type
     * @param samplingInterval the sampling interval
     * @param maxActive ignored
     */
    @SuppressWarnings("deprecation")
    public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    @Override
    protected boolean needReport() {
        return true; // report even when logging is off
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called" + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called (no records)");
        super.reportUntracedLeak(resourceType);
    }

    /** @return whether this detector class is the one Netty installed */
    static boolean installed() {
        return FailingLeakDetector.class.getName()
                .equals(System.getProperty("io.netty.customResourceLeakDetector"));
    }

    /** @return and forget the leaks reported since the last call */
    static List<String> drain() {
        List<String> copy = List.copyOf(LEAKS);
        LEAKS.removeAll(copy);
        return copy;
    }
}
