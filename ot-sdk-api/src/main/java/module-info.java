/**
 * OT SDK: typed, secure, fast access to industrial equipment.
 *
 * <p>{@code dev.otsdk.api} is what applications use: {@link dev.otsdk.api.OtClient},
 * {@link dev.otsdk.api.Session}, {@link dev.otsdk.api.Tag} and friends. {@code dev.otsdk.spi} is for
 * protocol drivers: the {@link dev.otsdk.spi.Driver} service and the mechanisms every driver shares
 * (request correlation, wire-value conversions, TLS set-up). The runtime behind sessions (reconnect
 * supervisor, polling engine, event delivery) is internal.
 */
module dev.otsdk.api {
    exports dev.otsdk.api;
    exports dev.otsdk.spi;

    uses dev.otsdk.spi.Driver;

    // The SPI hands drivers Netty's event loops, buffers and TLS contexts.
    requires transitive io.netty.common;
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires org.slf4j;

    // Optional: only when TlsProvider.BOUNCY_CASTLE is chosen.
    requires static org.bouncycastle.tls;
    requires static org.bouncycastle.provider;
}
