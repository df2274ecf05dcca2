package dev.otsdk.opcua.internal;

import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.Timeouts;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the server's operation limits once per connection, asynchronously (Milo's own getter blocks). */
final class OperationLimitsReader {

    private static final Logger LOG = LoggerFactory.getLogger(OperationLimitsReader.class);

    /**
     * Nodes per call; 0 where the server sets no limit.
     *
     * @param read MaxNodesPerRead
     * @param write MaxNodesPerWrite
     * @param browse MaxNodesPerBrowse
     * @param monitoredItems MaxMonitoredItemsPerCall
     */
    record Limits(int read, int write, int browse, int monitoredItems) {
        static final Limits NONE = new Limits(0, 0, 0, 0);
    }

    private OperationLimitsReader() {
    }

    static CompletableFuture<Limits> read(OpcUaClient client, IoRuntime io, OpcUaSettings settings) {
        var nodes = List.of(NodeIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerRead,
                NodeIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerWrite,
                NodeIds.Server_ServerCapabilities_OperationLimits_MaxNodesPerBrowse,
                NodeIds.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall);
        return Timeouts.within(client.readValuesAsync(0, TimestampsToReturn.Neither, nodes), io.timer(),
                settings.requestTimeout(), "read operation limits").handle((values, e) -> {
                    if (e != null) {
                        LOG.debug("{}: no operation limits ({}), assuming none", settings.uri(), e.toString());
                        return Limits.NONE;
                    }
                    return new Limits(limit(values.get(0)), limit(values.get(1)), limit(values.get(2)),
                            limit(values.get(3)));
                });
    }

    private static int limit(DataValue v) {
        Object o = v.getValue().getValue();
        if (v.getStatusCode().isGood() && o instanceof UInteger u) {
            return (int) Math.min(Integer.MAX_VALUE, u.longValue());
        }
        return 0;
    }
}
