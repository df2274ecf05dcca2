package dev.otsdk.leakguard;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class through JUnit's extension auto-detection. After each top-level test
 * class it collects garbage, lets Netty's leak detector look at what was collected, and fails the class
 * if any buffer was leaked. A leak from an earlier class that is found late still fails the build.
 */
public final class LeakGuardExtension implements AfterAllCallback {

    private static final int GC_ROUNDS = 3;

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass().getEnclosingClass() != null || !FailingLeakDetector.installed()) {
            return;
        }
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            // Allocating through each allocator makes its detector poll the reference queue.
            for (int j = 0; j < 8; j++) {
                ByteBuf a = PooledByteBufAllocator.DEFAULT.buffer(1);
                a.release();
                ByteBuf b = UnpooledByteBufAllocator.DEFAULT.buffer(1);
                b.release();
            }
        }
        List<String> leaks = FailingLeakDetector.drain();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer leak(s) detected while running "
                    + context.getRequiredTestClass().getName() + " or an earlier class:\n"
                    + String.join("\n\n", leaks));
        }
    }
}
