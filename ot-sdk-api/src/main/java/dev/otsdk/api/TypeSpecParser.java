package dev.otsdk.api;

/** Parses {@code name[(length)][[count]]}; positions in errors are relative to the whole input. */
final class TypeSpecParser {

    private TypeSpecParser() {
    }

    static DataType<?> parse(String input, String spec, int offset) {
        int i = 0;
        int n = spec.length();
        while (i < n && (Character.isLetterOrDigit(spec.charAt(i)) || spec.charAt(i) == '_')) {
            i++;
        }
        if (i == 0) {
            throw new TagAddressException(input, offset, "a type name such as int16, float32 or REAL");
        }
        String name = spec.substring(0, i);
        DataType.Scalar<?, ?> scalar;
        try {
            scalar = DataType.named(name);
        } catch (TagAddressException e) {
            throw new TagAddressException(input, offset, e.expected());
        }
        if (i < n && spec.charAt(i) == '(') {
            int close = spec.indexOf(')', i);
            if (close < 0) {
                throw new TagAddressException(input, offset + n, "')' closing the length started at position "
                        + (offset + i));
            }
            if (!scalar.kind().takesLength()) {
                throw new TagAddressException(input, offset + i, "'[' or the end: " + name
                        + " takes no length, only string, wstring and bytes do");
            }
            int length = number(input, spec, offset, i + 1, close, "a length of 1 or more");
            scalar = scalar.length(length);
            i = close + 1;
        }
        if (i == n) {
            return scalar;
        }
        if (spec.charAt(i) != '[') {
            throw new TagAddressException(input, offset + i, "'[count]' or the end of the type");
        }
        if (scalar.kind() == DataType.Kind.AUTO) {
            throw new TagAddressException(input, offset, "an element type for the array");
        }
        int close = spec.indexOf(']', i);
        if (close < 0) {
            throw new TagAddressException(input, offset + n, "']' closing the array count");
        }
        if (close != n - 1) {
            throw new TagAddressException(input, offset + close + 1, "the end of the type after ']'");
        }
        if (close == i + 1) {
            return scalar.array();
        }
        return scalar.array(number(input, spec, offset, i + 1, close, "an array count of 1 or more"));
    }

    private static int number(String input, String spec, int offset, int from, int to, String expected) {
        if (from == to) {
            throw new TagAddressException(input, offset + from, expected);
        }
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(spec.charAt(k))) {
                throw new TagAddressException(input, offset + k, expected);
            }
        }
        try {
            int v = Integer.parseInt(spec.substring(from, to));
            if (v < 1) {
                throw new TagAddressException(input, offset + from, expected);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TagAddressException(input, offset + from, expected + " (at most " + Integer.MAX_VALUE + ")");
        }
    }
}
