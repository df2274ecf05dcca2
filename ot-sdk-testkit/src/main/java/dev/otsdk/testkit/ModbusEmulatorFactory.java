package dev.otsdk.testkit;

import dev.otsdk.spi.WordOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code otsdk emulate modbus}: a {@link ModbusEmulator} with a few moving values, so a script has
 * something to read and watch. Options:
 *
 * <ul>
 *   <li>{@code units=1,2}: the unit ids served (default 1);</li>
 *   <li>{@code rtu=true}: RTU framing over TCP instead of Modbus TCP;</li>
 *   <li>{@code maxInFlight=N}: unanswered requests per connection before exception 06;</li>
 *   <li>{@code simulate=false}: no moving values (default true: a counter at {@code holding:0}, a
 *       float32 ramp at {@code holding:2}, a float32 sine at {@code holding:4@CDAB} and random values
 *       at {@code holding:6} of the first unit, plus text at {@code holding:10:string(16)}).</li>
 * </ul>
 */
public final class ModbusEmulatorFactory implements EmulatorFactory {

    private static final List<String> KNOWN = List.of("units", "rtu", "maxInFlight", "simulate");

    /** Creates the factory; {@link java.util.ServiceLoader} does this. */
    public ModbusEmulatorFactory() {
    }

    @Override
    public String name() {
        return "modbus";
    }

    @Override
    public String description() {
        return "Modbus TCP server with simulated values (options: units=1,2 rtu=true maxInFlight=N simulate=false)";
    }

    @Override
    public Emulator create(int port, Map<String, String> options) {
        ModbusEmulator.Builder b = ModbusEmulator.builder().port(port);
        List<Integer> units = List.of(1);
        boolean simulate = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue().strip();
            switch (e.getKey()) {
                case "units" -> units = units(v);
                case "rtu" -> {
                    if (bool("rtu", v)) {
                        b.rtuOverTcp();
                    }
                }
                case "maxInFlight" -> b.maxInFlight(integer("maxInFlight", v, 1, 65535));
                case "simulate" -> simulate = bool("simulate", v);
                default -> throw new IllegalArgumentException("unknown option '" + e.getKey()
                        + "' for the modbus emulator; known options: " + String.join(", ", KNOWN));
            }
        }
        b.units(units.stream().mapToInt(Integer::intValue).toArray());
        ModbusEmulator emulator = b.build();
        if (simulate) {
            int u = units.get(0);
            emulator.simulate(ModbusSimulation.counter(u, 0, Duration.ofSeconds(1)));
            emulator.simulate(ModbusSimulation.ramp(u, 2, 0f, 100f, Duration.ofSeconds(60), WordOrder.ABCD));
            emulator.simulate(ModbusSimulation.sine(u, 4, 50f, 10f, Duration.ofSeconds(30), WordOrder.CDAB));
            emulator.simulate(ModbusSimulation.random(u, 6, 0, 1000, 1L));
            emulator.unit(u).holding(10).setString("OT SDK emulator", 16, false);
            emulator.unit(u).coil(0).set(true, false, true, true);
        }
        return emulator;
    }

    private static List<Integer> units(String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(integer("units", part.strip(), 0, 255));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("option 'units' needs at least one unit id, e.g. units=1,2");
        }
        return out;
    }

    private static boolean bool(String name, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option '" + name + "' must be true or false, got '" + v + "'");
        };
    }

    private static int integer(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option '" + name + "' must be a whole number " + min + ".." + max
                + ", got '" + v + "'");
    }
}
