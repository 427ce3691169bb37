package dev.schedex.destination.dropbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 that answers {@code CONNECT} for names under {@code .fake-dropbox.test}
 * by tunnelling to one local port, and refuses every other target: the TLS inside the tunnel is
 * between the SDK and {@link FakeDropbox}.
 */
final class TunnelProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tunnel-proxy");
        t.setDaemon(true);
        return t;
    });

    TunnelProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                // without it, Nagle's algorithm and delayed acknowledgements add tens of milliseconds
                // to every request through the tunnel
                client.setTcpNoDelay(true);
                threads.execute(() -> tunnel(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String[] requestLine = head.split("\\r\\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (requestLine.length < 2
                    || !requestLine[0].equals("CONNECT")
                    || !requestLine[1].matches("[a-z]+\\.fake-dropbox\\.test:443")) {
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                server.setTcpNoDelay(true);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                threads.execute(() -> pipe(server, client));
                pipe(client, server);
            }
        } catch (IOException e) {
            // a connection closed by either side ends its tunnel
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
