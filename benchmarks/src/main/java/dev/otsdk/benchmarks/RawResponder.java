package dev.otsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cheapest Modbus TCP server that answers the benchmark's request correctly: FC 3 (read holding
 * registers) from a fixed register table, anything else with exception 01. One blocking thread per
 * connection; all replies to the requests read in one go leave in one write. It exists so that round
 * trips measure the clients, not the server: the testkit emulator is a rich test tool whose own cost
 * caps every client on a small machine.
 */
final class RawResponder implements AutoCloseable {

    private static final int MBAP = 7;

    private final ServerSocket server;
    private final short[] registers = new short[1000];
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    RawResponder() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (int i = 0; i < registers.length; i++) {
            registers[i] = (short) (i * 7);
        }
        Thread acceptor = new Thread(this::accept, "raw-responder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "raw-responder-" + threads.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        byte[] in = new byte[64 * 1024];
        byte[] out = new byte[128 * 1024];
        int have = 0;
        try (socket; InputStream is = socket.getInputStream(); OutputStream os = socket.getOutputStream()) {
            while (!closed) {
                int n = is.read(in, have, in.length - have);
                if (n < 0) {
                    return;
                }
                have += n;
                int pos = 0;
                int written = 0;
                while (have - pos >= MBAP) {
                    int length = ((in[pos + 4] & 0xFF) << 8) | (in[pos + 5] & 0xFF);
                    if (length < 2 || length > 254) {
                        return; // not Modbus: drop the connection
                    }
                    if (have - pos < 6 + length) {
                        break;
                    }
                    written = answer(in, pos, out, written);
                    pos += 6 + length;
                    if (written > out.length - 300) {
                        os.write(out, 0, written);
                        written = 0;
                    }
                }
                if (written > 0) {
                    os.write(out, 0, written);
                }
                System.arraycopy(in, pos, in, 0, have - pos);
                have -= pos;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Writes the reply to the frame at {@code pos} into {@code out} at {@code at}; returns the new end. */
    private int answer(byte[] in, int pos, byte[] out, int at) {
        int fc = in[pos + 7] & 0xFF;
        System.arraycopy(in, pos, out, at, MBAP); // transaction id, protocol id, (length), unit id
        if (fc == 3) {
            int start = ((in[pos + 8] & 0xFF) << 8) | (in[pos + 9] & 0xFF);
            int quantity = ((in[pos + 10] & 0xFF) << 8) | (in[pos + 11] & 0xFF);
            if (quantity >= 1 && quantity <= 125 && start + quantity <= registers.length) {
                int bytes = quantity * 2;
                setLength(out, at, 2 + bytes);
                out[at + 7] = 3;
                out[at + 8] = (byte) bytes;
                int o = at + 9;
                for (int i = 0; i < quantity; i++) {
                    short v = registers[start + i];
                    out[o++] = (byte) (v >> 8);
                    out[o++] = (byte) v;
                }
                return o;
            }
            return exception(out, at, fc, 2);
        }
        return exception(out, at, fc, 1);
    }

    private static int exception(byte[] out, int at, int fc, int code) {
        setLength(out, at, 2);
        out[at + 7] = (byte) (fc | 0x80);
        out[at + 8] = (byte) code;
        return at + 9;
    }

    private static void setLength(byte[] out, int at, int pduLength) {
        int length = pduLength + 1;
        out[at + 4] = (byte) (length >> 8);
        out[at + 5] = (byte) length;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
