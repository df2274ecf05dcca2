package dev.otsdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field holding an {@link Emulator} that {@link EmulatorExtension} starts before and closes
 * after use.
 *
 * <ul>
 *   <li>A {@code static} field lives for the test class: started before all its tests, closed after
 *       them. So does an instance field when the class uses
 *       {@code @TestInstance(Lifecycle.PER_CLASS)}.</li>
 *   <li>Any other instance field lives for one test.</li>
 * </ul>
 *
 * <p>The field's declared type must implement {@link Emulator}, and its value must be assigned where
 * the field is declared or in the constructor: the extension starts emulators before
 * {@code @BeforeAll} and {@code @BeforeEach} methods run.
 *
 * <pre>{@code
 * @EmulatorTest
 * class ReadTest {
 *     @StartStop final ModbusEmulator plc = new ModbusEmulator();
 *
 *     @Test void reads() { ... plc.uri() ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StartStop {
}
