package dev.otsdk.spi;

import java.util.concurrent.CompletableFuture;

/** A subscription a driver runs natively on the device or server. */
public interface NativeSubscription {

    /**
     * Deletes it on the server (best effort when the connection is down).
     *
     * @return completes when done
     */
    CompletableFuture<Void> close();
}
