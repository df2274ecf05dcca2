package dev.otsdk.opcua.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.spi.TagAddress;
import java.util.Objects;

/**
 * A parsed NodeId tag address. The namespace is an index, or a URI ({@code nsu=}) resolved through the
 * server's namespace table on each connection, because indexes may differ between servers and restarts.
 *
 * @param namespaceIndex the index, or -1 when {@code namespaceUri} is given
 * @param namespaceUri the namespace URI, or {@code null}
 * @param idType {@code i}, {@code s}, {@code g} or {@code b}
 * @param identifier the identifier text as written (validated for its type)
 * @param type the tag's type
 */
record NodeAddress(int namespaceIndex, String namespaceUri, char idType, String identifier, DataType<?> type)
        implements TagAddress {

    NodeAddress {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(type, "type");
    }

    /** @return e.g. {@code ns=2;s=Temp} or {@code nsu=urn:x;i=5} */
    String text() {
        String ns = namespaceUri != null ? "nsu=" + namespaceUri + ";" : namespaceIndex == 0 ? "" : "ns=" + namespaceIndex + ";";
        return ns + idType + "=" + identifier;
    }
}
