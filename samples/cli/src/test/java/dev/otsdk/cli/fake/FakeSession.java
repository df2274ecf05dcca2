package dev.otsdk.cli.fake;

import dev.otsdk.api.Capability;
import dev.otsdk.api.DataType;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.DriverSession;
import dev.otsdk.spi.TagAddress;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A session to a {@link FakeDevice}; addresses are {@code v:<name>}. */
final class FakeSession implements DriverSession {

    /** A parsed {@code v:<name>}; AUTO tags stay AUTO and read whatever the device holds. */
    record Address(String name, DataType<?> type) implements TagAddress {
    }

    private final FakeDevice device;
    private final Clock clock;

    FakeSession(FakeDevice device, Clock clock) {
        this.device = device;
        this.clock = clock;
    }

    @Override
    public TagAddress parse(Tag<?> tag) {
        String a = tag.address();
        if (!a.startsWith("v:")) {
            throw new TagAddressException(a, 0, "'v:' followed by a value name");
        }
        for (int i = 2; i < a.length(); i++) {
            char c = a.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.') {
                throw new TagAddressException(a, i, "a letter, digit, '_' or '.'");
            }
        }
        if (a.length() == 2) {
            throw new TagAddressException(a, 2, "a value name");
        }
        return new Address(a.substring(2), tag.type());
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DEVICE_INFO);
    }

    @Override
    public CompletableFuture<DriverConnection> connect(ConnectionListener listener) {
        if (device.connectFailure != null) {
            return CompletableFuture.failedFuture(device.connectFailure);
        }
        return CompletableFuture.completedFuture(new FakeConnection(device, clock));
    }
}
