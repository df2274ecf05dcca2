package dev.otsdk.cli.fake;

import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.OptionSpec;
import java.util.List;
import java.util.Set;

/**
 * An in-memory protocol for the CLI's tests: {@code fake://<host>} reaches {@link FakeDevice#named(String)},
 * tags are {@code v:<name>[:type]}. Registered in {@code META-INF/services/dev.otsdk.spi.Driver}.
 */
public final class FakeDriver implements Driver {

    @Override
    public String name() {
        return "Fake";
    }

    @Override
    public Set<String> schemes() {
        return Set.of("fake");
    }

    @Override
    public int defaultPort(String scheme) {
        return 4711;
    }

    @Override
    public List<OptionSpec> options(String scheme) {
        return List.of(OptionSpec.integer("unit", 0, 255, 1L, "a unit id, accepted and ignored"));
    }

    @Override
    public DriverSession open(DriverContext context) {
        FakeDevice device = FakeDevice.named(context.endpoint().host());
        device.lastRequestTimeout = context.requestTimeout();
        return new FakeSession(device, context.io().clock());
    }
}
