package dev.otsdk.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Deadband;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.TagValue;
import java.lang.reflect.Array;
import java.math.BigInteger;

/** Decides whether a polled sample is reported: quality or status changes always are; values by deadband. */
final class ChangeFilter {

    private ChangeFilter() {
    }

    static boolean report(TagValue<?> last, TagValue<?> now, SubscriptionOptions options) {
        if (last == null || !options.changesOnly()) {
            return true;
        }
        if (last.quality() != now.quality() || !last.status().equals(now.status())) {
            return true;
        }
        Object a = last.valueOrNull();
        Object b = now.valueOrNull();
        if (DataType.valuesEqual(a, b)) {
            return false;
        }
        Deadband db = options.deadband();
        if (db.kind() != Deadband.Kind.ABSOLUTE || a == null || b == null) {
            return true;
        }
        return exceeds(a, b, db.value());
    }

    private static boolean exceeds(Object a, Object b, double threshold) {
        if (a.getClass().isArray() && b.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return true;
            }
            for (int i = 0; i < n; i++) {
                if (exceeds(Array.get(a, i), Array.get(b, i), threshold)) {
                    return true;
                }
            }
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof BigInteger || y instanceof BigInteger) {
                return new java.math.BigDecimal(y.toString()).subtract(new java.math.BigDecimal(x.toString())).abs()
                        .compareTo(java.math.BigDecimal.valueOf(threshold)) > 0;
            }
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            if (Double.isNaN(dx) || Double.isNaN(dy)) {
                return Double.isNaN(dx) != Double.isNaN(dy);
            }
            return Math.abs(dy - dx) > threshold;
        }
        return !DataType.valuesEqual(a, b);
    }
}
