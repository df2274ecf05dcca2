package dev.otsdk.modbus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to Read Device Identification (FC 43 / MEI 14): every object the device reported, across
 * as many requests as it needed.
 *
 * @param conformityLevel the device's conformity level byte (0x01 basic … 0x83 extended with
 *     individual access)
 * @param objects object id to value, in the order received (0 VendorName, 1 ProductCode,
 *     2 MajorMinorRevision, 3 VendorUrl, 4 ProductName, 5 ModelName, 6 UserApplicationName,
 *     0x80 and up private)
 */
public record DeviceIdentification(int conformityLevel, Map<Integer, String> objects) {

    /**
     * Copies the objects.
     *
     * @param conformityLevel the conformity level
     * @param objects the objects
     */
    public DeviceIdentification {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    /** @return object 0, or empty */
    public String vendorName() {
        return objects.getOrDefault(0, "");
    }

    /** @return object 1, or empty */
    public String productCode() {
        return objects.getOrDefault(1, "");
    }

    /** @return object 2, or empty */
    public String revision() {
        return objects.getOrDefault(2, "");
    }

    /**
     * The standard name of an object id.
     *
     * @param id an object id
     * @return e.g. {@code VendorName}, or {@code Object0xNN} for private objects
     */
    public static String objectName(int id) {
        return switch (id) {
            case 0 -> "VendorName";
            case 1 -> "ProductCode";
            case 2 -> "MajorMinorRevision";
            case 3 -> "VendorUrl";
            case 4 -> "ProductName";
            case 5 -> "ModelName";
            case 6 -> "UserApplicationName";
            default -> String.format("Object0x%02X", id);
        };
    }
}
