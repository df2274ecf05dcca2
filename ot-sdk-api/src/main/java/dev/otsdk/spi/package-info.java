/**
 * The driver SPI: what a protocol module implements ({@link dev.otsdk.spi.Driver},
 * {@link dev.otsdk.spi.DriverSession}, {@link dev.otsdk.spi.DriverConnection},
 * {@link dev.otsdk.spi.RequestPlanner}) and the mechanisms every driver shares, written once:
 * {@link dev.otsdk.spi.InFlightWindow} (request/response correlation with a bounded window),
 * {@link dev.otsdk.spi.WireValues} (big-endian wire bytes to Java values, with word orders),
 * {@link dev.otsdk.spi.TlsContexts} (TLS set-up, JDK or BouncyCastle JSSE) and
 * {@link dev.otsdk.spi.IoRuntime} (the shared event loops, timer and callback threads).
 *
 * <p>The runtime around a driver supplies reconnecting with back-off, timeouts, per-tag result
 * assembly, the retry of a failed coalesced read tag by tag, polled subscriptions, event delivery and
 * the {@code Flow.Publisher} view; drivers do not re-implement those.
 *
 * <p>Drivers are found with {@link java.util.ServiceLoader}: declare
 * {@code provides dev.otsdk.spi.Driver with ...} in {@code module-info.java} and list the class in
 * {@code META-INF/services/dev.otsdk.spi.Driver} for class-path users.
 */
package dev.otsdk.spi;
