package dev.otsdk.modbus;

/**
 * Counters of the session's current connection.
 *
 * @param inFlight requests on the wire now
 * @param queued requests waiting for a window slot now
 * @param timeouts requests that timed out
 * @param lateResponses responses that arrived after their request timed out; dropped
 * @param strayResponses responses that matched no request; dropped
 */
public record ModbusStatistics(int inFlight, int queued, long timeouts, long lateResponses, long strayResponses) {
}
