package dev.otsdk.cli;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.Capability;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.Gap;
import dev.otsdk.api.Status;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.WriteOutcome;
import dev.otsdk.cli.json.JsonWriter;
import java.util.Set;
import java.util.TreeSet;

/** The CLI's output records (architecture section 7), one JSON object per line. */
final class JsonLines {

    private JsonLines() {
    }

    /**
     * @param tagText the tag as the user typed it
     * @param v the value
     * @return e.g. {@code {"tag":"holding:0:uint16","value":7,"quality":"GOOD","status":"Good",…}}
     */
    static String tagValue(String tagText, TagValue<?> v) {
        return new JsonWriter().beginObject()
                .member("tag", tagText)
                .member("value", v.valueOrNull())
                .member("quality", v.quality())
                .member("status", status(v.status()))
                .member("sourceTime", v.sourceTime())
                .member("serverTime", v.serverTime())
                .member("receivedTime", v.receivedTime())
                .endObject().toString();
    }

    /**
     * @param tagText the tag as the user typed it
     * @param outcome what the device answered
     * @return e.g. {@code {"tag":"v:x","ok":true,"status":"Good"}}
     */
    static String writeOutcome(String tagText, WriteOutcome outcome) {
        return new JsonWriter().beginObject()
                .member("tag", tagText)
                .member("ok", outcome.isOk())
                .member("status", status(outcome.status()))
                .endObject().toString();
    }

    /**
     * @param gap the gap
     * @return {@code {"gap":{"from":…,"to":…,"reason":…,"dropped":…,"detail":…}}}
     */
    static String gap(Gap gap) {
        return new JsonWriter().beginObject().name("gap").beginObject()
                .member("from", gap.from())
                .member("to", gap.to())
                .member("reason", gap.reason())
                .member("dropped", gap.droppedEvents())
                .member("detail", gap.detail())
                .endObject().endObject().toString();
    }

    /**
     * @param node a browse result
     * @return the node's fields; {@code type} is the SDK type name usable in a tag ({@code address:type})
     */
    static String browseNode(BrowseNode node) {
        return new JsonWriter().beginObject()
                .member("address", node.address())
                .member("browseName", node.browseName())
                .member("displayName", node.displayName())
                .member("kind", node.kind())
                .member("dataType", node.dataTypeName())
                .member("type", node.type().name())
                .member("readable", node.readable())
                .member("writable", node.writable())
                .member("hasChildren", node.hasChildren())
                .endObject().toString();
    }

    /**
     * @param protocol the session's protocol name
     * @param capabilities what the session can do
     * @param info what the device said
     * @return one object with protocol, vendor, product, version, properties and capabilities
     */
    static String deviceInfo(String protocol, Set<Capability> capabilities, DeviceInfo info) {
        Set<String> names = new TreeSet<>();
        capabilities.forEach(c -> names.add(c.name()));
        return new JsonWriter().beginObject()
                .member("protocol", protocol)
                .member("vendor", info.vendor())
                .member("product", info.product())
                .member("version", info.version())
                .member("properties", info.properties())
                .member("capabilities", names)
                .endObject().toString();
    }

    /** {@code "Good"} when all is well (as in the contract's example), else the full readable status. */
    private static String status(Status status) {
        return status.isGood() ? status.name() : status.toString();
    }
}
