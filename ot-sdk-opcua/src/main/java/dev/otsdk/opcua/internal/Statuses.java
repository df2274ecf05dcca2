package dev.otsdk.opcua.internal;

import dev.otsdk.api.Quality;
import dev.otsdk.api.Status;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** OPC UA StatusCodes as the API's {@link Status} and {@link Quality}, with Milo's symbolic names. */
final class Statuses {

    /** The info bits (low 16) carry flags such as overflow; the name belongs to the upper bits. */
    private static final long CODE_MASK = 0xFFFF_0000L;

    private Statuses() {
    }

    static Status of(StatusCode code) {
        return of(code.value());
    }

    static Status of(long code) {
        if (code == 0) {
            return Status.GOOD;
        }
        return StatusCodes.lookup(code & CODE_MASK)
                .map(nd -> new Status(code, nd[0], nd.length > 1 ? nd[1] : ""))
                .orElseGet(() -> new Status(code, severityName(code), ""));
    }

    /** A status for a code with an explanation of our own. */
    static Status of(long code, String description) {
        Status s = of(code);
        return new Status(s.code(), s.name(), description);
    }

    static Quality quality(StatusCode code) {
        if (code.isGood()) {
            return Quality.GOOD;
        }
        return code.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
    }

    static String name(long code) {
        return of(code).name();
    }

    private static String severityName(long code) {
        long severity = code >>> 30;
        return severity == 0 ? "Good" : severity == 1 ? "Uncertain" : "Bad";
    }
}
