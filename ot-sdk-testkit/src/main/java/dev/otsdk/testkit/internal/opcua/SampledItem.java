package dev.otsdk.testkit.internal.opcua;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * A monitored item as Milo's sampler sees it. Values of a burst waiting for the item replace its next
 * sample and are queued together while the item is locked, so they reach the client in one publish, or
 * overflow its queue together. The burst lock keeps a burst and a sample from interleaving.
 */
final class SampledItem implements DataItem {

    private final DataItem item;
    private final Object burstLock;
    private final List<DataValue> burst = new ArrayList<>();

    SampledItem(DataItem item, Object burstLock) {
        this.item = item;
        this.burstLock = burstLock;
    }

    DataItem item() {
        return item;
    }

    /** Whether the item monitors a whole value, the kind of item a burst is for. */
    boolean monitorsWholeValue() {
        ReadValueId id = item.getReadValueId();
        return AttributeId.Value.isEqual(id.getAttributeId())
                && (id.getIndexRange() == null || id.getIndexRange().isEmpty());
    }

    /** Adds values for the next sample; the caller holds the burst lock. */
    void addBurst(List<DataValue> values) {
        burst.addAll(values);
    }

    @Override
    public void setValue(DataValue sampled) {
        synchronized (burstLock) {
            if (burst.isEmpty()) {
                item.setValue(sampled);
                return;
            }
            TimestampsToReturn timestamps = item.getTimestampsToReturn();
            // Milo's items synchronize on themselves, also to publish: no publish between these values.
            synchronized (item) {
                for (DataValue v : burst) {
                    item.setValue(timestamps == null ? v : DataValue.derivedValue(v, timestamps));
                }
            }
            burst.clear();
        }
    }

    @Override
    public void setQuality(StatusCode quality) {
        item.setQuality(quality);
    }

    @Override
    public double getSamplingInterval() {
        return item.getSamplingInterval();
    }

    @Override
    public UInteger getId() {
        return item.getId();
    }

    @Override
    public Session getSession() {
        return item.getSession();
    }

    @Override
    public UInteger getSubscriptionId() {
        return item.getSubscriptionId();
    }

    @Override
    public ReadValueId getReadValueId() {
        return item.getReadValueId();
    }

    @Override
    public TimestampsToReturn getTimestampsToReturn() {
        return item.getTimestampsToReturn();
    }

    @Override
    public boolean isSamplingEnabled() {
        return item.isSamplingEnabled();
    }
}
