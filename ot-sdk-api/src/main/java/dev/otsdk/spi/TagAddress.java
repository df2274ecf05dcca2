package dev.otsdk.spi;

import dev.otsdk.api.DataType;

/**
 * A driver's parsed, validated form of a tag's address, e.g. Modbus area + offset + word order. Drivers
 * implement it with records so that equal addresses are equal (the polling engine deduplicates by it).
 */
public interface TagAddress {

    /**
     * The type values have: the tag's type, or for {@link DataType#AUTO} tags the address's natural type
     * where the driver knows it without asking the device (else still AUTO).
     *
     * @return the effective value type
     */
    DataType<?> type();
}
