package dev.otsdk.opcua.internal;

import dev.otsdk.api.DeviceInfo;
import dev.otsdk.spi.Timeouts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/** The server's identity: BuildInfo, state and clock, plus what this session negotiated. */
final class ServerInfo {

    private static final String[] STATES = {"Running", "Failed", "NoConfiguration", "Suspended", "Shutdown", "Test",
        "CommunicationFault", "Unknown"};

    private ServerInfo() {
    }

    static CompletableFuture<DeviceInfo> read(OpcUaConnection c) {
        List<NodeId> nodes = List.of(NodeIds.Server_ServerStatus_BuildInfo_ManufacturerName,
                NodeIds.Server_ServerStatus_BuildInfo_ProductName, NodeIds.Server_ServerStatus_BuildInfo_SoftwareVersion,
                NodeIds.Server_ServerStatus_BuildInfo_ProductUri, NodeIds.Server_ServerStatus_BuildInfo_BuildNumber,
                NodeIds.Server_ServerStatus_BuildInfo_BuildDate, NodeIds.Server_ServerStatus_State,
                NodeIds.Server_ServerStatus_CurrentTime, NodeIds.Server_ServerStatus_StartTime);
        String what = "read the server's BuildInfo";
        return Timeouts.within(c.client().readValuesAsync(0, TimestampsToReturn.Neither, nodes), c.io().timer(),
                c.settings().requestTimeout(), what + " on " + c.settings().uri()).handle((v, e) -> {
                    if (e != null) {
                        throw new CompletionException(Failures.request(e, what, c.settings().requestTimeout()));
                    }
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("manufacturerName", text(v.get(0)));
                    p.put("productName", text(v.get(1)));
                    p.put("softwareVersion", text(v.get(2)));
                    p.put("productUri", text(v.get(3)));
                    p.put("buildNumber", text(v.get(4)));
                    p.put("buildDate", text(v.get(5)));
                    Object state = v.get(6).getValue().getValue();
                    p.put("state", state instanceof Integer i && i >= 0 && i < STATES.length ? STATES[i] : text(v.get(6)));
                    p.put("currentTime", text(v.get(7)));
                    p.put("startTime", text(v.get(8)));
                    p.put("endpointUrl", c.endpoint().getEndpointUrl());
                    p.put("securityPolicy", EndpointSelector.policyOf(c.endpoint()).map(Enum::name).orElse("?"));
                    p.put("securityMode", c.endpoint().getSecurityMode().name());
                    p.put("applicationUri", String.valueOf(c.endpoint().getServer().getApplicationUri()));
                    return new DeviceInfo(p.get("manufacturerName"), p.get("productName"), p.get("softwareVersion"), p);
                });
    }

    private static String text(DataValue v) {
        Object o = v.getValue().getValue();
        return o == null ? "" : String.valueOf(ValueCodec.naturalScalar(o));
    }
}
