package dev.otsdk.modbus.internal;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.modbus.internal.codec.FunctionCodes;
import dev.otsdk.spi.DriverOptions;
import dev.otsdk.spi.OptionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's options for one session.
 *
 * @param unit the default unit id
 * @param maxInFlight requests on the wire at once per connection
 * @param maxQueued requests waiting for a window slot before new ones are refused
 * @param maxRegisters registers per read (device limit, at most 125)
 * @param maxBits bits per read (device limit, at most 2000)
 * @param maxGap unused registers or bits a coalesced read may span between two tags
 * @param forceMultiple whether single values are written with FC 15/16 instead of FC 5/6
 */
record ModbusSettings(int unit, int maxInFlight, int maxQueued, int maxRegisters, int maxBits, int maxGap,
        boolean forceMultiple) {

    /**
     * The default window. The Modbus TCP implementation guide lets a client send several transactions
     * and tells them apart by transaction id, but many PLCs work through one request at a time and
     * gateways queue per serial line; a window of 4 hides network latency for the few blocks a poll
     * cycle reads without piling work onto such devices. Capable servers take 16 to 64 and more.
     */
    static final int DEFAULT_MAX_IN_FLIGHT = 4;

    static List<OptionSpec> options(boolean rtu) {
        List<OptionSpec> out = new ArrayList<>();
        out.add(OptionSpec.integer("unit", 0, 255, 1L, "the default unit id (slave address); tags may name"
                + " another as 'N/...'"));
        out.add(OptionSpec.integer("maxInFlight", 1, rtu ? 1 : 1024, rtu ? 1L : (long) DEFAULT_MAX_IN_FLIGHT,
                rtu ? "requests on the wire at once; RTU frames carry no transaction id, so always 1"
                        : "requests on the wire at once, matched by transaction id"));
        out.add(OptionSpec.integer("maxQueued", 0, 1_000_000, 4096L, "requests waiting for a window slot before"
                + " new ones are refused"));
        out.add(OptionSpec.integer("maxRegisters", 1, FunctionCodes.MAX_READ_REGISTERS,
                (long) FunctionCodes.MAX_READ_REGISTERS, "registers one read request may cover"));
        out.add(OptionSpec.integer("maxBits", 1, FunctionCodes.MAX_READ_BITS, (long) FunctionCodes.MAX_READ_BITS,
                "coils or discrete inputs one read request may cover"));
        out.add(OptionSpec.integer("maxGap", 0, FunctionCodes.MAX_READ_BITS, 16L,
                "unused registers or bits a coalesced read may span between two tags"));
        out.add(OptionSpec.bool("forceMultiple", false, "write single values with FC 15/16 instead of FC 5/6"));
        return out;
    }

    static ModbusSettings from(DriverOptions o) {
        int maxInFlight = o.getInt("maxInFlight");
        if (maxInFlight > 1024) {
            throw new ConfigurationException("maxInFlight must be at most 1024");
        }
        return new ModbusSettings(o.getInt("unit"), maxInFlight, o.getInt("maxQueued"), o.getInt("maxRegisters"),
                o.getInt("maxBits"), o.getInt("maxGap"), o.getBool("forceMultiple"));
    }
}
