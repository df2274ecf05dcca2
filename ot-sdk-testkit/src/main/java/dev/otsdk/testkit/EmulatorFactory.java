package dev.otsdk.testkit;

import java.util.Map;

/**
 * Creates emulators of one protocol by name, so that tools can run them without compile-time knowledge
 * of the protocol modules: {@code otsdk emulate modbus} finds the factory named {@code modbus} with
 * {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are stateless and have a public no-argument constructor. Register one in
 * {@code META-INF/services/dev.otsdk.testkit.EmulatorFactory} for class-path users and with
 * {@code provides dev.otsdk.testkit.EmulatorFactory with ...} in the providing module's descriptor.
 */
public interface EmulatorFactory {

    /**
     * Returns the name tools select this factory by.
     *
     * @return a short lower-case protocol name, e.g. {@code "modbus"}, {@code "opcua"}, {@code "s7"}
     */
    String name();

    /**
     * Returns a description for help output.
     *
     * @return one line saying what the emulator serves, e.g. {@code "Modbus TCP server with 10k registers"}
     */
    String description();

    /**
     * Creates an emulator that is not yet started.
     *
     * @param port the port to bind when started, {@code 0} for any free port
     * @param options protocol-specific settings by name (e.g. {@code unit=1}); empty for the defaults
     * @return the emulator; the caller starts and closes it
     * @throws IllegalArgumentException if an option is unknown or its value is invalid, saying which and
     *     what would be accepted
     */
    Emulator create(int port, Map<String, String> options);
}
