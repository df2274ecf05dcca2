package dev.otsdk.api;

/**
 * A tag string or address that cannot be parsed or is not valid for the protocol. The message names
 * the input, the position (0-based) of the problem and what was expected there.
 */
public class TagAddressException extends OtException {

    private static final long serialVersionUID = 1L;

    /** The text that was parsed. */
    private final String input;
    /** 0-based position of the problem, or -1. */
    private final int position;
    /** What was expected at the position. */
    private final String expected;

    /**
     * Creates the exception.
     *
     * @param input the text that was parsed
     * @param position 0-based character position of the problem, or -1 when the whole input is wrong
     * @param expected what was expected at that position
     */
    public TagAddressException(String input, int position, String expected) {
        super(format(input, position, expected));
        this.input = input;
        this.position = position;
        this.expected = expected;
    }

    private static String format(String input, int position, String expected) {
        if (position < 0) {
            return "invalid tag '" + input + "': " + expected;
        }
        StringBuilder sb = new StringBuilder("invalid tag '").append(input).append("' at position ")
                .append(position).append(": expected ").append(expected).append('\n')
                .append("  ").append(input).append('\n').append("  ");
        sb.append(" ".repeat(Math.min(position, input.length()))).append('^');
        return sb.toString();
    }

    /** @return the text that was parsed */
    public String input() {
        return input;
    }

    /** @return 0-based position of the problem, or -1 when the whole input is wrong */
    public int position() {
        return position;
    }

    /** @return what was expected at {@link #position()} */
    public String expected() {
        return expected;
    }
}
