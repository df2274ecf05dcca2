package dev.otsdk.testkit.internal;

import dev.otsdk.testkit.Emulator;
import dev.otsdk.testkit.StartStop;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds {@link StartStop} fields and reads the emulators they hold. */
public final class StartStopFields {

    private StartStopFields() {
    }

    /**
     * Returns the annotated static fields of a class and its superclasses, superclass fields first,
     * each class's fields in declaration order (the order HotSpot reports, which is source order).
     *
     * @param type the test class
     * @return the fields, in start order
     */
    public static List<Field> staticFields(Class<?> type) {
        return find(type, true);
    }

    /**
     * Returns the annotated instance fields of a class and its superclasses, in the same order as
     * {@link #staticFields(Class)}.
     *
     * @param type the test class
     * @return the fields, in start order
     */
    public static List<Field> instanceFields(Class<?> type) {
        return find(type, false);
    }

    /**
     * Reads the emulator a field holds.
     *
     * @param field an annotated field
     * @param owner the instance holding it, {@code null} for a static field
     * @return the emulator
     * @throws ExtensionConfigurationException if the field is null, of the wrong type or unreadable
     */
    public static Emulator read(Field field, Object owner) {
        if (!Emulator.class.isAssignableFrom(field.getType())) {
            throw new ExtensionConfigurationException("@StartStop field " + describe(field) + " has type "
                    + field.getType().getName() + ", which does not implement " + Emulator.class.getName());
        }
        Object value = ReflectionSupport.tryToReadFieldValue(field, owner)
                .getOrThrow(e -> new ExtensionConfigurationException(
                        "Cannot read @StartStop field " + describe(field), e));
        if (value == null) {
            throw new ExtensionConfigurationException("@StartStop field " + describe(field) + " is null. "
                    + "Assign the emulator where the field is declared or in the constructor: it is started "
                    + "before @BeforeAll and @BeforeEach methods run.");
        }
        return (Emulator) value;
    }

    /**
     * Names a field for messages.
     *
     * @param field a field
     * @return {@code SimpleClassName.fieldName}
     */
    public static String describe(Field field) {
        return field.getDeclaringClass().getSimpleName() + "." + field.getName();
    }

    private static List<Field> find(Class<?> type, boolean wantStatic) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(StartStop.class) && Modifier.isStatic(f.getModifiers()) == wantStatic) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }
}
