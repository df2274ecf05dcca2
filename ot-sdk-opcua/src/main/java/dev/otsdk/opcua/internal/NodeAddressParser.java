package dev.otsdk.opcua.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.api.TagAddressException;
import java.util.Base64;
import java.util.UUID;

/**
 * Parses NodeId tag addresses: {@code i=85}, {@code ns=2;s=Line1.Temp}, {@code ns=1;g=<uuid>},
 * {@code ns=1;b=<base64>} and {@code nsu=<namespace uri>;s=...}. Errors name the position.
 */
final class NodeAddressParser {

    private static final String EXPECTED_ID = "'i=', 's=', 'g=' or 'b=' (optionally after 'ns=<index>;' or 'nsu=<uri>;')";

    private NodeAddressParser() {
    }

    static NodeAddress parse(String address, DataType<?> type) {
        if (address.isEmpty()) {
            throw new TagAddressException(address, 0, "a NodeId such as ns=2;s=Name or i=2258");
        }
        int pos = 0;
        int nsIndex = 0;
        String nsUri = null;
        if (address.startsWith("nsu=")) {
            int end = idSeparator(address, 4);
            if (end < 0) {
                throw new TagAddressException(address, address.length(), "';' and an identifier after the namespace URI");
            }
            nsUri = address.substring(4, end);
            if (nsUri.isEmpty()) {
                throw new TagAddressException(address, 4, "a namespace URI");
            }
            pos = end + 1;
        } else if (address.startsWith("ns=")) {
            int end = address.indexOf(';', 3);
            if (end < 0) {
                throw new TagAddressException(address, address.length(), "';' after the namespace index");
            }
            nsIndex = parseIndex(address, 3, end);
            pos = end + 1;
        }
        if (pos + 2 > address.length() || address.charAt(pos + 1) != '=' || "isgb".indexOf(address.charAt(pos)) < 0) {
            throw new TagAddressException(address, pos, EXPECTED_ID);
        }
        char idType = address.charAt(pos);
        int idStart = pos + 2;
        String id = address.substring(idStart);
        switch (idType) {
            case 'i' -> checkNumeric(address, idStart);
            case 'g' -> checkGuid(address, idStart, id);
            case 'b' -> checkOpaque(address, idStart, id);
            default -> {
                if (id.isEmpty()) {
                    throw new TagAddressException(address, idStart, "a string identifier");
                }
            }
        }
        return new NodeAddress(nsUri != null ? -1 : nsIndex, nsUri, idType, id, type);
    }

    /** The ';' that ends a namespace URI: the first one followed by an identifier type. */
    private static int idSeparator(String s, int from) {
        for (int i = s.indexOf(';', from); i >= 0; i = s.indexOf(';', i + 1)) {
            if (i + 2 < s.length() && s.charAt(i + 2) == '=' && "isgb".indexOf(s.charAt(i + 1)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parseIndex(String s, int from, int to) {
        if (from == to) {
            throw new TagAddressException(s, from, "a namespace index 0..65535");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new TagAddressException(s, i, "a digit of the namespace index 0..65535");
            }
            v = v * 10 + (c - '0');
            if (v > 0xFFFF) {
                throw new TagAddressException(s, from, "a namespace index 0..65535");
            }
        }
        return v;
    }

    private static void checkNumeric(String s, int from) {
        if (from == s.length()) {
            throw new TagAddressException(s, from, "a numeric identifier 0..4294967295");
        }
        long v = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new TagAddressException(s, i, "a digit of the numeric identifier");
            }
            v = v * 10 + (c - '0');
            if (v > 0xFFFF_FFFFL) {
                throw new TagAddressException(s, from, "a numeric identifier 0..4294967295");
            }
        }
    }

    private static void checkGuid(String s, int from, String id) {
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new TagAddressException(s, from, "a GUID such as 09087e75-8e5e-499b-954f-f2a9603db28a");
        }
    }

    private static void checkOpaque(String s, int from, String id) {
        try {
            Base64.getDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            throw new TagAddressException(s, from, "a base64 opaque identifier");
        }
    }
}
