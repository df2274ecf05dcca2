package dev.otsdk.spi;

import dev.otsdk.api.TagAddressException;
import java.util.Locale;

/**
 * The order of bytes and 16-bit words of multi-register values on the wire. Letters name the value's
 * bytes from most to least significant ({@code A} is the most significant byte) as they appear on the
 * wire, for a 32-bit value:
 *
 * <ul>
 *   <li>{@link #ABCD}: big-endian, the Modbus and S7 natural order (default);
 *   <li>{@link #CDAB}: words swapped, i.e. the least significant word first, bytes in each word
 *       big-endian ("word swap", common on Modbus devices);
 *   <li>{@link #BADC}: bytes swapped within each word ("byte swap");
 *   <li>{@link #DCBA}: little-endian.
 * </ul>
 *
 * <p>64-bit values follow the same rule over four words: {@code CDAB} puts the least significant word
 * first ({@code GH EF CD AB}). 16-bit values are affected only by byte swapping ({@code BADC},
 * {@code DCBA}). Each order is its own inverse, so the same mapping encodes and decodes.
 */
public enum WordOrder {
    /** Big-endian. */
    ABCD,
    /** Least significant word first, big-endian words. */
    CDAB,
    /** Big-endian words, bytes swapped within each word. */
    BADC,
    /** Little-endian. */
    DCBA;

    /** @return whether bytes are swapped within each 16-bit word */
    public boolean swapsBytes() {
        return this == BADC || this == DCBA;
    }

    /**
     * Parses a word order name, any case.
     *
     * @param text e.g. {@code CDAB}
     * @param input the whole tag text, for the error
     * @param position where the word order starts in {@code input}
     * @return the word order
     * @throws TagAddressException if it is not one of ABCD, CDAB, BADC, DCBA
     */
    public static WordOrder parse(String text, String input, int position) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TagAddressException(input, position, "a word order: ABCD, CDAB, BADC or DCBA");
        }
    }

    /**
     * Maps a 16-bit value between its natural and its wire form.
     *
     * @param v the value
     * @return the value in the other form
     */
    public short apply16(short v) {
        return swapsBytes() ? Short.reverseBytes(v) : v;
    }

    /**
     * Maps a 32-bit value between its natural and its wire form.
     *
     * @param v the value
     * @return the value in the other form
     */
    public int apply32(int v) {
        return switch (this) {
            case ABCD -> v;
            case CDAB -> Integer.rotateLeft(v, 16);
            case BADC -> ((v & 0x00FF00FF) << 8) | ((v >>> 8) & 0x00FF00FF);
            case DCBA -> Integer.reverseBytes(v);
        };
    }

    /**
     * Maps a 64-bit value between its natural and its wire form.
     *
     * @param v the value
     * @return the value in the other form
     */
    public long apply64(long v) {
        return switch (this) {
            case ABCD -> v;
            case CDAB -> swapBytesInWords(Long.reverseBytes(v));
            case BADC -> swapBytesInWords(v);
            case DCBA -> Long.reverseBytes(v);
        };
    }

    private static long swapBytesInWords(long v) {
        return ((v & 0x00FF00FF00FF00FFL) << 8) | ((v >>> 8) & 0x00FF00FF00FF00FFL);
    }
}
