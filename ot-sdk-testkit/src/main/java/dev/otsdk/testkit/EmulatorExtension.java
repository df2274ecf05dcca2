package dev.otsdk.testkit;

import dev.otsdk.testkit.internal.StartStopFields;
import dev.otsdk.testkit.internal.StartedEmulators;
import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * Starts and closes the emulators held by {@link StartStop} fields, in the style of mockwebserver3.
 *
 * <ul>
 *   <li>Static fields, and instance fields of a {@code PER_CLASS} test instance, are started before
 *       all tests of the class and closed after them.</li>
 *   <li>Other instance fields are started before each test and closed after it. For a
 *       {@code @Nested} test the enclosing instances' fields are handled too, outermost first.</li>
 *   <li>Fields declared in superclasses start before those of subclasses; fields of one class start in
 *       declaration order. Emulators close in reverse start order.</li>
 *   <li>An emulator reachable from several fields, or already managed by an enclosing class, is started
 *       and closed once.</li>
 *   <li>Every emulator is closed even if others fail to close; the first failure is thrown with the
 *       later ones attached as suppressed exceptions.</li>
 * </ul>
 *
 * <p>A static field declared in a superclass shared by several test classes is started and closed once
 * per test class, so its emulator must support being started again after {@link Emulator#close()}.
 *
 * <p>Register it with {@code @ExtendWith(EmulatorExtension.class)} or {@link EmulatorTest}.
 */
public final class EmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmulatorExtension.class);

    /** Creates the extension; JUnit does this. */
    public EmulatorExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        StartedEmulators started = startedIn(context);
        for (Field field : StartStopFields.staticFields(context.getRequiredTestClass())) {
            start(context, started, StartStopFields.read(field, null));
        }
        // Present only for Lifecycle.PER_CLASS: such instances live as long as the class.
        Optional<TestInstances> instances = context.getTestInstances();
        instances.ifPresent(all -> startInstanceFields(context, started, all));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startInstanceFields(context, startedIn(context), context.getRequiredTestInstances());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        startedIn(context).closeAll();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        startedIn(context).closeAll();
    }

    private static void startInstanceFields(ExtensionContext context, StartedEmulators started,
            TestInstances instances) {
        for (Object instance : instances.getAllInstances()) {
            for (Field field : StartStopFields.instanceFields(instance.getClass())) {
                start(context, started, StartStopFields.read(field, instance));
            }
        }
    }

    private static void start(ExtensionContext context, StartedEmulators started, Emulator emulator) {
        if (started.contains(emulator) || managedByAncestor(context, emulator)) {
            return;
        }
        started.add(emulator); // first, so that a failed start is still closed
        emulator.start();
    }

    private static boolean managedByAncestor(ExtensionContext context, Emulator emulator) {
        for (Optional<ExtensionContext> p = context.getParent(); p.isPresent(); p = p.get().getParent()) {
            StartedEmulators theirs = p.get().getStore(NAMESPACE).get(p.get().getUniqueId(), StartedEmulators.class);
            if (theirs != null && theirs.contains(emulator)) {
                return true;
            }
        }
        return false;
    }

    private static StartedEmulators startedIn(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        StartedEmulators started = store.get(context.getUniqueId(), StartedEmulators.class);
        if (started == null) {
            started = new StartedEmulators();
            store.put(context.getUniqueId(), started);
        }
        return started;
    }
}
