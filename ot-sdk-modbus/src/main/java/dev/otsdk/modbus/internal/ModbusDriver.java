package dev.otsdk.modbus.internal;

import dev.otsdk.spi.Driver;
import dev.otsdk.spi.DriverContext;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.OptionSpec;
import java.util.List;
import java.util.Set;

/** The Modbus driver: {@code modbus+tcp}, {@code modbus+rtu+tcp} and {@code modbus+tls}. */
public final class ModbusDriver implements Driver {

    /** Creates the driver; {@link java.util.ServiceLoader} does this. */
    public ModbusDriver() {
    }

    @Override
    public String name() {
        return "Modbus";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(Transport.TCP.scheme(), Transport.RTU_OVER_TCP.scheme(), Transport.TLS.scheme());
    }

    @Override
    public int defaultPort(String scheme) {
        return Transport.of(scheme).defaultPort();
    }

    @Override
    public List<OptionSpec> options(String scheme) {
        return ModbusSettings.options(Transport.of(scheme).rtu());
    }

    @Override
    public DriverSession open(DriverContext context) {
        return new ModbusSession(context, Transport.of(context.endpoint().scheme()));
    }
}
