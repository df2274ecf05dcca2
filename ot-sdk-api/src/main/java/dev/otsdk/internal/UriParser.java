package dev.otsdk.internal;

import dev.otsdk.api.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Strict parsing of {@code scheme://host[:port][/path][?k=v&...]}; anything unexpected is an error. */
final class UriParser {

    /** A parsed URI; port is -1 when absent. */
    record Parsed(String scheme, String host, int port, String path, Map<String, String> query, String uri) {
    }

    private UriParser() {
    }

    static Parsed parse(String text) {
        String uri = text.strip();
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("invalid URI '" + text + "' at position " + e.getIndex() + ": "
                    + e.getReason());
        }
        if (u.getScheme() == null) {
            throw new ConfigurationException("URI '" + text + "' has no scheme: expected e.g. modbus+tcp://host:502");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (u.isOpaque() || u.getRawAuthority() == null) {
            throw new ConfigurationException("URI '" + text + "' has no host: expected " + scheme + "://host[:port]");
        }
        if (u.getRawFragment() != null) {
            throw new ConfigurationException("URI '" + text + "' has a fragment ('#" + u.getRawFragment()
                    + "'), which means nothing here");
        }
        String authority = u.getRawAuthority();
        if (authority.contains("@")) {
            throw new ConfigurationException("URI '" + text + "' carries user information: pass credentials with"
                    + " SessionOptions.credentials(...) instead, so they do not end up in logs");
        }
        String host;
        int port = -1;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException("URI '" + text + "': IPv6 address is missing ']'");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new ConfigurationException("URI '" + text + "': unexpected '" + rest + "' after the IPv6 address");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new ConfigurationException("URI '" + text + "' has an empty host");
        }
        if (portText != null) {
            try {
                if (!portText.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new NumberFormatException(portText); // Integer.parseInt would accept "+502"
                }
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("URI '" + text + "': port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigurationException("URI '" + text + "': port " + port + " is not in 1..65535");
            }
        }
        String path = u.getRawPath() == null ? "" : decode(u.getRawPath(), text);
        return new Parsed(scheme, host, port, path, query(u.getRawQuery(), text), uri);
    }

    private static Map<String, String> query(String raw, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                throw new ConfigurationException("URI '" + text + "' has an empty query option ('&&' or a trailing '&')");
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("URI '" + text + "': query option '" + pair
                        + "' must be name=value");
            }
            String name = decode(pair.substring(0, eq), text);
            String value = decode(pair.substring(eq + 1), text);
            if (out.put(name, value) != null) {
                throw new ConfigurationException("URI '" + text + "' gives option '" + name + "' twice");
            }
        }
        return out;
    }

    /** Percent-decoding only: '+' stays '+', unlike form encoding. Escaped bytes must be UTF-8. */
    private static String decode(String s, String text) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            bytes.reset();
            while (i < s.length() && s.charAt(i) == '%') {
                if (i + 2 >= s.length()) {
                    throw new ConfigurationException("URI '" + text + "': incomplete %-escape in '" + s + "'");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new ConfigurationException("URI '" + text + "': invalid %-escape in '" + s + "'");
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                throw new ConfigurationException("URI '" + text + "': %-escapes in '" + s + "' are not UTF-8");
            }
        }
        return out.toString();
    }
}
