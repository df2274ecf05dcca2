package dev.otsdk.api;

/** How far a value can be trusted, following OPC UA's three severities. */
public enum Quality {
    /** The value is valid. */
    GOOD,
    /** A value is present but may be stale or imprecise (e.g. OPC UA Uncertain_LastUsableValue). */
    UNCERTAIN,
    /** No usable value: the device reported an error for this tag. */
    BAD
}
