package dev.otsdk.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a device or server says about itself (Modbus 43/14 device identification, S7 SZL, OPC UA
 * BuildInfo).
 *
 * @param vendor the manufacturer, empty if unknown
 * @param product the product name or code, empty if unknown
 * @param version the firmware or software version, empty if unknown
 * @param properties every object the device reported, in its order, under the protocol's names
 */
public record DeviceInfo(String vendor, String product, String version, Map<String, String> properties) {

    /**
     * Validates and copies the components.
     *
     * @param vendor the manufacturer
     * @param product the product
     * @param version the version
     * @param properties all reported objects
     */
    public DeviceInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
