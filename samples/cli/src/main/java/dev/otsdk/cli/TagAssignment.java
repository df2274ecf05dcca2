package dev.otsdk.cli;

import dev.otsdk.api.Tag;
import dev.otsdk.api.TagWrite;

/**
 * One {@code <tag>=<value>} argument of {@code write}. The text is split at the LAST {@code '='}:
 * tags may contain {@code '='} themselves (OPC UA {@code ns=2;s=Temp=21.5} is tag {@code ns=2;s=Temp},
 * value {@code 21.5}), so a value cannot contain one.
 *
 * @param tagText the tag as typed
 * @param valueText the value as typed, converted to the tag's type by the SDK
 */
record TagAssignment(String tagText, String valueText) {

    /**
     * @param argument {@code <tag>=<value>}
     * @return the parts
     * @throws UsageException if there is no {@code '='} or nothing before it
     */
    static TagAssignment parse(String argument) {
        int eq = argument.lastIndexOf('=');
        if (eq < 0) {
            throw new UsageException("'" + argument + "' is not <tag>=<value>, e.g. holding:0:uint16=7");
        }
        if (eq == 0) {
            throw new UsageException("'" + argument + "' has no tag before '=': expected <tag>=<value>");
        }
        return new TagAssignment(argument.substring(0, eq), argument.substring(eq + 1));
    }

    /**
     * @return the write, with the value converted to the tag's type ({@code AUTO} tags: by the driver)
     * @throws dev.otsdk.api.TagAddressException if the tag is malformed
     * @throws dev.otsdk.api.ValueConversionException if the value does not fit the tag's type
     */
    TagWrite<?> toWrite() {
        return TagWrite.converting(Tag.parse(tagText), valueText);
    }
}
