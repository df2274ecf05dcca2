package dev.otsdk.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.spi.Timeouts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * Browses one level of hierarchical references, then fills in what a tag needs: for variables the data
 * type (with its name), value rank and the current user's access level; for every child whether it has
 * children of its own. Three requests at most, whatever the number of children.
 */
final class Browser {

    private static final int MAX_CONTINUATIONS = 1000;
    private static final Map<Integer, DataType<?>> WELL_KNOWN_SUBTYPES = Map.of(290, DataType.FLOAT64, 294,
            DataType.DATETIME, 295, DataType.STRING, 288, DataType.UINT32, 289, DataType.UINT32, 29, DataType.INT32);

    private final OpcUaConnection c;

    Browser(OpcUaConnection c) {
        this.c = c;
    }

    CompletableFuture<List<BrowseNode>> browse(String node) {
        NodeId start;
        try {
            start = node.isEmpty() ? NodeIds.ObjectsFolder : c.nodes().resolve(node).orElseThrow(() ->
                    new DeviceException("browse " + node, Statuses.of(StatusCodes.Bad_NodeIdUnknown,
                            "the namespace URI is not in the server's namespace table")));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        String what = "browse " + (node.isEmpty() ? "Objects" : node);
        return within(references(start, what), what).thenCompose(refs -> within(describe(refs), what));
    }

    private <T> CompletableFuture<T> within(CompletableFuture<T> f, String what) {
        return Timeouts.within(f, c.io().timer(), c.settings().requestTimeout(), what + " on " + c.settings().uri())
                .handle((v, e) -> {
                    if (e != null) {
                        throw new CompletionException(Failures.request(e, what, c.settings().requestTimeout()));
                    }
                    return v;
                });
    }

    private static BrowseDescription children(NodeId node) {
        return new BrowseDescription(node, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true, uint(0),
                uint(BrowseResultMask.All.getValue()));
    }

    private CompletableFuture<List<ReferenceDescription>> references(NodeId start, String what) {
        return c.client().browseAsync(children(start)).thenCompose(r -> collect(r, new ArrayList<>(), 0, what));
    }

    private CompletableFuture<List<ReferenceDescription>> collect(BrowseResult r, List<ReferenceDescription> acc,
            int round, String what) {
        if (r.getStatusCode().isBad()) {
            throw new CompletionException(new DeviceException(what, Statuses.of(r.getStatusCode())));
        }
        if (r.getReferences() != null) {
            acc.addAll(List.of(r.getReferences()));
        }
        ByteString cp = r.getContinuationPoint();
        if (cp == null || cp.isNullOrEmpty() || round >= MAX_CONTINUATIONS) {
            return CompletableFuture.completedFuture(acc);
        }
        return c.client().browseNextAsync(false, List.of(cp))
                .thenCompose(next -> collect(next.getResults()[0], acc, round + 1, what));
    }

    private CompletableFuture<List<BrowseNode>> describe(List<ReferenceDescription> refs) {
        Map<NodeId, ReferenceDescription> local = new LinkedHashMap<>();
        for (ReferenceDescription r : refs) {
            Optional<NodeId> id = r.getNodeId().toNodeId(c.client().getNamespaceTable());
            id.ifPresent(n -> local.putIfAbsent(n, r));
        }
        List<NodeId> ids = List.copyOf(local.keySet());
        List<NodeId> variables = ids.stream().filter(n -> local.get(n).getNodeClass() == NodeClass.Variable).toList();
        List<ReadValueId> attrs = new ArrayList<>();
        for (NodeId v : variables) {
            attrs.add(new ReadValueId(v, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE));
            attrs.add(new ReadValueId(v, AttributeId.ValueRank.uid(), null, QualifiedName.NULL_VALUE));
            attrs.add(new ReadValueId(v, AttributeId.UserAccessLevel.uid(), null, QualifiedName.NULL_VALUE));
        }
        CompletableFuture<List<DataValue>> attributes = attrs.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : c.client().readAsync(0, TimestampsToReturn.Neither, attrs).thenApply(r -> List.of(r.getResults()));
        CompletableFuture<boolean[]> grandchildren = hasChildren(ids);
        return attributes.thenCompose(values -> typeNames(values).thenCombine(grandchildren, (names, kids) -> {
            List<BrowseNode> out = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                NodeId id = ids.get(i);
                ReferenceDescription r = local.get(id);
                String displayName = r.getDisplayName() == null || r.getDisplayName().getText() == null
                        ? r.getBrowseName().getName() : r.getDisplayName().getText();
                int vi = variables.indexOf(id);
                String typeName = "";
                DataType<?> type = DataType.AUTO;
                boolean readable = false;
                boolean writable = false;
                if (vi >= 0) {
                    NodeId dataType = values.get(vi * 3).getValue().getValue() instanceof NodeId d ? d : null;
                    int rank = values.get(vi * 3 + 1).getValue().getValue() instanceof Integer k ? k : -1;
                    int access = values.get(vi * 3 + 2).getValue().getValue() instanceof UByte b ? b.intValue() : 0;
                    typeName = dataType == null ? "" : names.getOrDefault(dataType, dataType.toParseableString());
                    type = sdkType(dataType, rank);
                    readable = (access & 1) != 0;
                    writable = (access & 2) != 0;
                }
                out.add(new BrowseNode(id.toParseableString(), r.getBrowseName().toParseableString(), displayName,
                        kind(r.getNodeClass()), typeName, type, readable, writable, kids[i]));
            }
            return out;
        }));
    }

    /** Names of the data types, from the built-in table or the type node's browse name. */
    private CompletableFuture<Map<NodeId, String>> typeNames(List<DataValue> values) {
        Map<NodeId, String> names = new LinkedHashMap<>();
        List<NodeId> unknown = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 3) {
            if (values.get(i).getValue().getValue() instanceof NodeId d && !names.containsKey(d)
                    && !unknown.contains(d)) {
                OpcUaDataType builtin = builtin(d);
                if (builtin != null) {
                    names.put(d, builtin.name());
                } else {
                    unknown.add(d);
                }
            }
        }
        if (unknown.isEmpty()) {
            return CompletableFuture.completedFuture(names);
        }
        List<ReadValueId> ids = unknown.stream()
                .map(d -> new ReadValueId(d, AttributeId.BrowseName.uid(), null, QualifiedName.NULL_VALUE)).toList();
        return c.client().readAsync(0, TimestampsToReturn.Neither, ids).thenApply(r -> {
            for (int i = 0; i < unknown.size(); i++) {
                if (r.getResults()[i].getValue().getValue() instanceof QualifiedName q) {
                    names.put(unknown.get(i), q.getName());
                }
            }
            return names;
        });
    }

    /** Whether each node has hierarchical children: one Browse with at most one reference per node. */
    private CompletableFuture<boolean[]> hasChildren(List<NodeId> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(new boolean[0]);
        }
        ViewDescription view = new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_VALUE, uint(0));
        List<BrowseDescription> bds = ids.stream().map(Browser::children).toList();
        return c.client().browseAsync(view, uint(1), bds).thenApply(resp -> {
            boolean[] out = new boolean[ids.size()];
            List<ByteString> open = new ArrayList<>();
            BrowseResult[] results = resp.getResults();
            for (int i = 0; i < out.length; i++) {
                out[i] = results[i].getReferences() != null && results[i].getReferences().length > 0;
                ByteString cp = results[i].getContinuationPoint();
                if (cp != null && !cp.isNullOrEmpty()) {
                    open.add(cp);
                }
            }
            if (!open.isEmpty()) {
                c.client().browseNextAsync(true, open); // release what the server keeps for us
            }
            return out;
        });
    }

    private static OpcUaDataType builtin(NodeId d) {
        if (d.getNamespaceIndex().intValue() == 0 && d.getIdentifier() instanceof UInteger u) {
            return OpcUaDataType.fromTypeId(u.intValue());
        }
        return null;
    }

    static DataType<?> sdkType(NodeId dataType, int valueRank) {
        if (dataType == null) {
            return DataType.AUTO;
        }
        DataType.Scalar<?, ?> scalar = null;
        OpcUaDataType b = builtin(dataType);
        if (b != null) {
            scalar = scalarFor(b);
        } else if (dataType.getNamespaceIndex().intValue() == 0 && dataType.getIdentifier() instanceof UInteger u
                && WELL_KNOWN_SUBTYPES.get(u.intValue()) instanceof DataType.Scalar<?, ?> s) {
            scalar = s;
        }
        if (scalar == null || valueRank == -2 || valueRank > 1) {
            return DataType.AUTO;
        }
        return valueRank == 1 || valueRank == 0 ? scalar.array() : scalar;
    }

    private static DataType.Scalar<?, ?> scalarFor(OpcUaDataType b) {
        return switch (b) {
            case Boolean -> DataType.BOOL;
            case SByte -> DataType.INT8;
            case Byte -> DataType.UINT8;
            case Int16 -> DataType.INT16;
            case UInt16 -> DataType.UINT16;
            case Int32 -> DataType.INT32;
            case UInt32, StatusCode -> DataType.UINT32;
            case Int64 -> DataType.INT64;
            case UInt64 -> DataType.UINT64;
            case Float -> DataType.FLOAT32;
            case Double -> DataType.FLOAT64;
            case String, Guid, XmlElement, NodeId, ExpandedNodeId, QualifiedName, LocalizedText -> DataType.STRING;
            case DateTime -> DataType.DATETIME;
            case ByteString -> DataType.BYTES;
            default -> null;
        };
    }

    private static BrowseNode.Kind kind(NodeClass nc) {
        return switch (nc) {
            case Object -> BrowseNode.Kind.OBJECT;
            case Variable -> BrowseNode.Kind.VARIABLE;
            case Method -> BrowseNode.Kind.METHOD;
            default -> BrowseNode.Kind.OTHER;
        };
    }
}
