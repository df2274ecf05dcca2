package dev.otsdk.testkit.internal.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.BaseMonitoredItem;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.WriteContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's address space: folders and variables from {@link VariableSpec}s under the Objects
 * folder, NodeIds {@code ns=<index>;s=<path>}, sampled for subscriptions by Milo's
 * {@link SubscriptionModel}. Values live in a map owned by the emulator, so they survive restarts.
 */
public final class EmulatorNamespace extends ManagedNamespaceWithLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorNamespace.class);

    private final SubscriptionModel subscriptions;
    private final List<VariableSpec> specs;
    private final Map<String, Object> values;
    private final BiConsumer<String, Object> onWrite;
    private final Clock clock;
    private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, VariableSpec> byPath = new HashMap<>();
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final Map<DataItem, SampledItem> sampledItems = new ConcurrentHashMap<>();
    private final Object burstLock = new Object();

    /**
     * Creates the namespace; nodes are added when it starts.
     *
     * @param server the server
     * @param uri the namespace URI
     * @param specs the variables
     * @param values current plain values by path, shared with the emulator
     * @param onWrite told about every successful client write (path, plain value)
     * @param clock the clock for timestamps and generated values
     */
    public EmulatorNamespace(OpcUaServer server, String uri, List<VariableSpec> specs, Map<String, Object> values,
            BiConsumer<String, Object> onWrite, Clock clock) {
        super(server, uri);
        this.specs = List.copyOf(specs);
        this.values = values;
        this.onWrite = onWrite;
        this.clock = clock;
        for (VariableSpec s : specs) {
            byPath.put(s.path(), s);
        }
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::addNodes);
        getLifecycleManager().addShutdownTask(this::cancelSchedules);
    }

    private void addNodes() {
        Map<String, UaFolderNode> folders = new HashMap<>();
        for (VariableSpec s : specs) {
            UaVariableNode node = s.euRange() != null ? analog(s) : variable(s);
            getNodeManager().addNode(node);
            String folder = s.folder();
            if (folder.isEmpty()) {
                node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                        false));
            } else {
                folder(folder, folders).addOrganizes(node);
            }
            nodes.put(s.path(), node);
            if (s.generator() != null) {
                long ms = Math.max(1, s.period().toMillis());
                schedules.add(getServer().getScheduledExecutorService().scheduleAtFixedRate(() -> generate(s), ms, ms,
                        TimeUnit.MILLISECONDS));
            }
        }
    }

    private UaFolderNode folder(String path, Map<String, UaFolderNode> folders) {
        UaFolderNode existing = folders.get(path);
        if (existing != null) {
            return existing;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(f);
        int i = path.lastIndexOf('/');
        if (i < 0) {
            f.addReference(new Reference(f.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        } else {
            folder(path.substring(0, i), folders).addOrganizes(f);
        }
        folders.put(path, f);
        return f;
    }

    private UaVariableNode variable(VariableSpec s) {
        var access = s.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
        var b = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(s.path()))
                .setAccessLevel(access)
                .setUserAccessLevel(access)
                .setBrowseName(newQualifiedName(s.name()))
                .setDisplayName(LocalizedText.english(s.name()))
                .setDataType(MiloValues.dataType(s.type()).getNodeId())
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setMinimumSamplingInterval(0.0);
        if (s.array()) {
            b.setValueRank(1).setArrayDimensions(new UInteger[] {uint(0)});
        } else {
            b.setValueRank(-1);
        }
        UaVariableNode node = b.build();
        node.setValue(dataValue(s, values.get(s.path())));
        return node;
    }

    private UaVariableNode analog(VariableSpec s) {
        try {
            AnalogItemTypeNode node = (AnalogItemTypeNode) getNodeFactory().createNode(newNodeId(s.path()),
                    NodeIds.AnalogItemType);
            var access = s.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY;
            node.setBrowseName(newQualifiedName(s.name()));
            node.setDisplayName(LocalizedText.english(s.name()));
            node.setDataType(MiloValues.dataType(s.type()).getNodeId());
            node.setValueRank(-1);
            node.setAccessLevel(AccessLevel.toValue(access));
            node.setUserAccessLevel(AccessLevel.toValue(access));
            node.setMinimumSamplingInterval(0.0);
            node.setEuRange(new Range(s.euRange()[0], s.euRange()[1]));
            node.setValue(dataValue(s, values.get(s.path())));
            return node;
        } catch (UaException e) {
            throw new IllegalStateException("cannot create AnalogItemType node " + s.path(), e);
        }
    }

    private DataValue dataValue(VariableSpec s, Object plain) {
        DateTime now = new DateTime(clock.instant());
        Object milo = MiloValues.toMilo(s.type(), s.array(), plain);
        return new DataValue(milo == null ? Variant.NULL_VALUE : new Variant(milo), StatusCode.GOOD, now, now);
    }

    private void generate(VariableSpec s) {
        try {
            set(s.path(), s.generator().apply(clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("generator for {} failed: {}", s.path(), e.toString());
        }
    }

    /** Recomputes every generated value at the clock's current instant. */
    public void generateNow() {
        for (VariableSpec s : specs) {
            if (s.generator() != null) {
                generate(s);
            }
        }
    }

    private void cancelSchedules() {
        schedules.forEach(f -> f.cancel(false));
        schedules.clear();
    }

    /**
     * Sets a value as if the device changed it.
     *
     * @param path the variable's path
     * @param plain the plain value
     */
    public void set(String path, Object plain) {
        VariableSpec s = byPath.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no variable " + path);
        }
        DataValue dv = dataValue(s, plain);
        values.put(path, plain);
        UaVariableNode node = nodes.get(path);
        if (node != null) {
            node.setValue(dv);
        }
    }

    /**
     * Changes a value several times before the next sample: every monitored item of the whole value
     * queues each value, in order, at its next sample, all within one publish.
     *
     * @param path the variable's path
     * @param plainValues the values, the last one stays
     */
    public void burst(String path, List<Object> plainValues) {
        VariableSpec s = byPath.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no variable " + path);
        }
        List<DataValue> burst = plainValues.stream().map(v -> dataValue(s, v)).toList();
        UaVariableNode node = nodes.get(path);
        synchronized (burstLock) {
            // The burst is waiting before the node changes, so a sample of the new value cannot come first.
            for (SampledItem item : sampledItems.values()) {
                if (node != null && item.monitorsWholeValue() && item.isSamplingEnabled()
                        && item.getReadValueId().getNodeId().equals(node.getNodeId())) {
                    item.addBurst(burst);
                }
            }
            values.put(path, plainValues.get(plainValues.size() - 1));
            if (node != null) {
                node.setValue(burst.get(burst.size() - 1));
            }
        }
    }

    /**
     * Returns the monitored items of this namespace's variables' values.
     *
     * @return what the server granted each item, in no particular order
     */
    public List<MonitoredValue> monitoredValues() {
        List<MonitoredValue> out = new ArrayList<>();
        for (SampledItem s : sampledItems.values()) {
            NodeId id = s.getReadValueId().getNodeId();
            if (s.monitorsWholeValue() && s.item() instanceof BaseMonitoredItem<?> item
                    && id.getNamespaceIndex().equals(getNamespaceIndex())
                    && id.getIdentifier() instanceof String path && byPath.containsKey(path)) {
                out.add(new MonitoredValue(path, item.getSamplingInterval(), item.getQueueSize(),
                        item.isDiscardOldest()));
            }
        }
        return out;
    }

    /**
     * A monitored item of a variable's value as the server granted it.
     *
     * @param path the variable's path
     * @param samplingIntervalMillis the revised sampling interval in milliseconds
     * @param queueSize the revised queue size
     * @param discardOldest whether a full queue drops its oldest value
     */
    public record MonitoredValue(String path, double samplingIntervalMillis, int queueSize, boolean discardOldest) {
    }

    /**
     * Returns a NodeId text for a path in this namespace.
     *
     * @param path the path
     * @return e.g. {@code ns=2;s=Plant/Temp}
     */
    public String nodeIdText(String path) {
        return newNodeId(path).toParseableString();
    }

    @Override
    public List<StatusCode> write(WriteContext context, List<WriteValue> writeValues) {
        List<StatusCode> results = super.write(context, writeValues);
        for (int i = 0; i < results.size(); i++) {
            WriteValue w = writeValues.get(i);
            if (results.get(i).isGood() && AttributeId.Value.isEqual(w.getAttributeId())
                    && w.getNodeId().getIdentifier() instanceof String path && byPath.containsKey(path)) {
                Object written = MiloValues.fromMilo(w.getValue().getValue().getValue());
                // The node's value, not the written one: a write to an index range changes only some elements.
                values.put(path, MiloValues.fromMilo(nodes.get(path).getValue().getValue().getValue()));
                onWrite.accept(path, written);
            }
        }
        return results;
    }

    // Milo's sampler gets every item wrapped, so that bursts can replace a sample.

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        List<DataItem> wrapped = new ArrayList<>(dataItems.size());
        for (DataItem d : dataItems) {
            SampledItem s = new SampledItem(d, burstLock);
            sampledItems.put(d, s);
            wrapped.add(s);
        }
        subscriptions.onDataItemsCreated(wrapped);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptions.onDataItemsModified(wrapped(dataItems, false));
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptions.onDataItemsDeleted(wrapped(dataItems, true));
    }

    private List<DataItem> wrapped(List<DataItem> dataItems, boolean forget) {
        List<DataItem> out = new ArrayList<>(dataItems.size());
        for (DataItem d : dataItems) {
            SampledItem s = forget ? sampledItems.remove(d) : sampledItems.get(d);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptions.onMonitoringModeChanged(monitoredItems);
    }
}
