package dev.otsdk.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Turns parsed addresses into Milo NodeIds for one connection, resolving {@code nsu=} through the
 * server's namespace table. Cached: tags are read again and again.
 */
final class Nodes {

    private static final int CACHE_LIMIT = 100_000;

    private final NamespaceTable namespaces;
    private final ConcurrentHashMap<NodeAddress, NodeId> cache = new ConcurrentHashMap<>();

    Nodes(NamespaceTable namespaces) {
        this.namespaces = namespaces;
    }

    /**
     * @param a an address
     * @return the NodeId, or empty when its namespace URI is not in the server's table
     */
    Optional<NodeId> resolve(NodeAddress a) {
        NodeId n = cache.get(a);
        if (n != null) {
            return Optional.of(n);
        }
        int ns = a.namespaceIndex();
        if (a.namespaceUri() != null) {
            UShort index = namespaces.getIndex(a.namespaceUri());
            if (index == null) {
                return Optional.empty();
            }
            ns = index.intValue();
        }
        n = switch (a.idType()) {
            case 'i' -> new NodeId(ns, uint(Long.parseLong(a.identifier())));
            case 'g' -> new NodeId(ns, UUID.fromString(a.identifier()));
            case 'b' -> new NodeId(ns, ByteString.of(Base64.getDecoder().decode(a.identifier())));
            default -> new NodeId(ns, a.identifier());
        };
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(a, n);
        return Optional.of(n);
    }

    /**
     * Parses a browse start node with the same syntax as tags.
     *
     * @param text e.g. {@code ns=2;s=Plant}
     * @return the NodeId, or empty for an unknown namespace URI
     */
    Optional<NodeId> resolve(String text) {
        return resolve(NodeAddressParser.parse(text, dev.otsdk.api.DataType.AUTO));
    }
}
