package dev.otsdk.cli;

import dev.otsdk.testkit.EmulatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The emulators bundled with the tool, found like drivers: by {@link ServiceLoader}. */
final class Emulators {

    private final List<EmulatorFactory> factories;

    /** @param factories the available factories (tests give their own) */
    Emulators(List<EmulatorFactory> factories) {
        this.factories = factories.stream().sorted(Comparator.comparing(EmulatorFactory::name)).toList();
    }

    /** @return every emulator factory on the class path */
    static Emulators discover() {
        return new Emulators(ServiceLoader.load(EmulatorFactory.class, Emulators.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /**
     * @param name e.g. {@code modbus}, any case
     * @return the factory with that name, if bundled
     */
    Optional<EmulatorFactory> named(String name) {
        return factories.stream().filter(f -> f.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /**
     * @param name e.g. {@code modbus}
     * @return the factory
     * @throws UsageException naming the emulators that are available
     */
    EmulatorFactory require(String name) {
        return named(name).orElseThrow(() -> new UsageException("no emulator named '" + name.toLowerCase(Locale.ROOT)
                + "'; available emulators: " + describe()));
    }

    /** @return e.g. {@code modbus (Modbus TCP server), s7 (…)}, or a note that there are none */
    String describe() {
        if (factories.isEmpty()) {
            return "none (no protocol module with an emulator is bundled with this otsdk)";
        }
        return factories.stream().map(f -> f.name() + " (" + f.description() + ")").collect(Collectors.joining(", "));
    }
}
