package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tests run on the class path, so this test checks the module descriptors at run time: it puts the
 * tool's runtime jars on a module path, resolves every {@code dev.otsdk.*} module with its services,
 * and loads the drivers with {@link ServiceLoader} the way a modular application would.
 */
class ModulePathTest {

    private static List<Path> runtimeModulePath() throws IOException {
        String text = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
        List<Path> out = new ArrayList<>();
        for (String entry : text.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    @Test
    void theLibraryModulesResolveAndTheirDriversLoadOnTheModulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(runtimeModulePath().toArray(Path[]::new));
        Set<String> ours = finder.findAll().stream().map(ModuleReference::descriptor).map(ModuleDescriptor::name)
                .filter(n -> n.startsWith("dev.otsdk.")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ours).contains("dev.otsdk.api", "dev.otsdk.testkit");

        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), ours);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());

        ModuleDescriptor api = layer.findModule("dev.otsdk.api").orElseThrow().getDescriptor();
        assertThat(api.isAutomatic()).as("ot-sdk-api has a real module descriptor").isFalse();
        assertThat(api.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.otsdk.api", "dev.otsdk.spi");

        // Drivers provided by the protocol modules on this path are found through 'uses'/'provides'.
        ClassLoader loader = layer.findLoader("dev.otsdk.api");
        Class<?> driverType = loader.loadClass("dev.otsdk.spi.Driver");
        Set<String> schemes = new TreeSet<>();
        for (Object driver : ServiceLoader.load(layer, driverType)) {
            @SuppressWarnings("unchecked")
            Set<String> s = (Set<String>) driverType.getMethod("schemes").invoke(driver);
            schemes.addAll(s);
        }
        Set<String> providerModules = ours.stream()
                .filter(n -> layer.findModule(n).orElseThrow().getDescriptor().provides().stream()
                        .anyMatch(p -> p.service().equals("dev.otsdk.spi.Driver")))
                .collect(Collectors.toSet());
        assertThat(schemes.isEmpty()).isEqualTo(providerModules.isEmpty());

        // The public entry point works inside the layer: OtClient sees the same drivers.
        Class<?> clientType = loader.loadClass("dev.otsdk.api.OtClient");
        Object client = clientType.getMethod("create").invoke(null);
        try {
            assertThat(clientType.getMethod("schemes").invoke(client)).isEqualTo(schemes);
        } finally {
            clientType.getMethod("close").invoke(client);
        }
    }
}
