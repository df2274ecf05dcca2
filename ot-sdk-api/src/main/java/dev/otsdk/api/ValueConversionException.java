package dev.otsdk.api;

/**
 * A value that cannot be converted to or from a tag's {@link DataType}: out of range, wrong shape,
 * unparseable text, or a device value of another type than the tag declares.
 */
public class ValueConversionException extends OtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which value, which type, what was expected
     */
    public ValueConversionException(String message) {
        super(message);
    }
}
