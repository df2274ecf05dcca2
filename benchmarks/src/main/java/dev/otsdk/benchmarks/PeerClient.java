package dev.otsdk.benchmarks;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcDriverManager;
import org.apache.plc4x.java.api.messages.PlcReadRequest;

/** One Modbus client library behind the same small interface: read 10 holding registers from 0. */
abstract class PeerClient implements AutoCloseable {

    abstract Object read() throws Exception;

    CompletableFuture<?> readAsync() {
        throw new UnsupportedOperationException();
    }

    boolean canPipeline() {
        return true;
    }

    @Override
    public abstract void close();

    static PeerClient create(String name, String host, int port, int inFlight) throws Exception {
        return switch (name) {
            case "otsdk" -> new OtSdk(host, port, inFlight);
            case "digitalpetri" -> new Digitalpetri(host, port);
            case "j2mod" -> new J2mod(host, port);
            case "plc4x" -> new Plc4x(host, port);
            default -> throw new IllegalArgumentException("unknown client " + name);
        };
    }

    /** This SDK through its public Session API. */
    static final class OtSdk extends PeerClient {
        private final OtClient ot = OtClient.create();
        private final Session session;
        private final Tag<int[]> tag = Tag.of("holding:0", DataType.UINT16.array(10));

        OtSdk(String host, int port, int inFlight) {
            session = ot.connect("modbus+tcp://" + host + ":" + port + "?unit=1&maxInFlight=" + inFlight);
        }

        @Override
        Object read() {
            return session.read(tag).value();
        }

        @Override
        CompletableFuture<?> readAsync() {
            return session.readAsync(tag);
        }

        @Override
        public void close() {
            session.close();
            ot.close();
        }
    }

    /** digitalpetri modbus-tcp 2.1.4. */
    static final class Digitalpetri extends PeerClient {
        private final ModbusTcpClient client;

        Digitalpetri(String host, int port) throws Exception {
            NettyTcpClientTransport transport = NettyTcpClientTransport.create(cfg -> {
                cfg.setHostname(host);
                cfg.setPort(port);
            });
            client = ModbusTcpClient.create(transport);
            client.connect();
        }

        @Override
        Object read() throws Exception {
            return client.readHoldingRegisters(1, new ReadHoldingRegistersRequest(0, 10)).registers();
        }

        @Override
        CompletableFuture<?> readAsync() {
            return client.readHoldingRegistersAsync(1, new ReadHoldingRegistersRequest(0, 10)).toCompletableFuture();
        }

        @Override
        public void close() {
            try {
                client.disconnect();
            } catch (Exception e) {
                throw new IllegalStateException("digitalpetri disconnect failed", e);
            }
        }
    }

    /** j2mod 3.3.0: synchronous only, so it cannot have requests in flight. */
    static final class J2mod extends PeerClient {
        private final ModbusTCPMaster master;

        J2mod(String host, int port) throws Exception {
            master = new ModbusTCPMaster(host, port, 5000, false);
            master.connect();
        }

        @Override
        Object read() throws Exception {
            return master.readMultipleRegisters(1, 0, 10);
        }

        @Override
        boolean canPipeline() {
            return false;
        }

        @Override
        public void close() {
            master.disconnect();
        }
    }

    /** Apache PLC4X plc4j-driver-modbus 0.13.1. */
    static final class Plc4x extends PeerClient {
        private final PlcConnection connection;
        private final PlcReadRequest request;

        Plc4x(String host, int port) throws Exception {
            connection = PlcDriverManager.getDefault().getConnectionManager()
                    .getConnection("modbus-tcp://" + host + ":" + port + "?unit-identifier=1");
            request = connection.readRequestBuilder().addTagAddress("r", "holding-register:1[10]").build();
        }

        @Override
        Object read() throws Exception {
            return request.execute().get(10, TimeUnit.SECONDS).getAllIntegers("r");
        }

        @Override
        CompletableFuture<?> readAsync() {
            return request.execute().thenApply(r -> r.getAllIntegers("r"));
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (Exception e) {
                throw new IllegalStateException("PLC4X close failed", e);
            }
        }
    }
}
