package dev.otsdk.opcua.internal;

import dev.otsdk.api.Capability;
import dev.otsdk.api.DataType;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.TagAddress;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The protocol side of one OPC UA session; every connection is a Milo client of its own. */
final class OpcUaDriverSession implements DriverSession {

    private final OpcUaSettings settings;
    private final IoRuntime io;

    OpcUaDriverSession(OpcUaSettings settings, IoRuntime io) {
        this.settings = settings;
        this.io = io;
    }

    @Override
    public TagAddress parse(Tag<?> tag) {
        DataType<?> type = tag.type();
        if (!ValueCodec.supports(type)) {
            throw new TagAddressException(tag.address(), -1, "a type OPC UA has (" + type.name() + " has no OPC UA"
                    + " equivalent; use datetime for points in time, or auto)");
        }
        return NodeAddressParser.parse(tag.address(), type);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.NATIVE_SUBSCRIPTIONS, Capability.BROWSE, Capability.DEVICE_INFO);
    }

    @Override
    public CompletableFuture<DriverConnection> connect(ConnectionListener listener) {
        return new Connector(settings, io).connect(listener);
    }
}
