package dev.schedex.destination.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server on 127.0.0.1 whose replies a test scripts: what real servers do that GreenMail
 * does not (refuse a recipient, refuse a large message, ask to come back later, drop the connection,
 * show a certificate for another host). It greets with 220, answers each command with what the
 * script returns for it (null closes the connection), and after a 354 reads the message up to its
 * final dot and asks the script for the reply to {@value #END_OF_DATA}.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    static final String END_OF_DATA = "<end of data>";

    private final ServerSocket server;
    private final SSLContext startTls;
    private final Thread acceptor;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    /** @param script the replies, or null to close each connection at once */
    private ScriptedSmtpServer(ServerSocket server, UnaryOperator<String> script) {
        this(server, script, null);
    }

    /** @param startTls the context to offer STARTTLS with, or null not to offer it */
    private ScriptedSmtpServer(ServerSocket server, UnaryOperator<String> script, SSLContext startTls) {
        this.server = server;
        this.startTls = startTls;
        this.acceptor = new Thread(() -> accept(script), "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param script the reply to each command; null to close @return a running server */
    static ScriptedSmtpServer replying(UnaryOperator<String> script) throws IOException {
        return new ScriptedSmtpServer(plainSocket(), script);
    }

    /** @param tls the server's TLS context @param script the replies @return a server speaking implicit TLS */
    static ScriptedSmtpServer replyingOverTls(SSLContext tls, UnaryOperator<String> script) throws IOException {
        ServerSocket socket =
                tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        return new ScriptedSmtpServer(socket, script);
    }

    /**
     * @param tls    the server's TLS context
     * @param script the replies, over TLS once the client said STARTTLS
     * @return a server that offers STARTTLS (and AUTH only after it) and upgrades the connection
     */
    static ScriptedSmtpServer replyingWithStartTls(SSLContext tls, UnaryOperator<String> script) throws IOException {
        return new ScriptedSmtpServer(plainSocket(), script, tls);
    }

    /** @return a server that accepts each connection and closes it at once, before any greeting */
    static ScriptedSmtpServer closingAtOnce() throws IOException {
        return new ScriptedSmtpServer(plainSocket(), null);
    }

    /** The usual replies of a server that accepts everything, for a script to fall back on. */
    static String accepting(String command) {
        String verb = command.length() >= 4 ? command.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : command;
        return switch (verb) {
            case "EHLO" -> "250-scripted\r\n250 8BITMIME";
            case "DATA" -> "354 go ahead";
            case "QUIT" -> "221 bye";
            default -> "250 OK";
        };
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return every command received so far, in order, the end of data among them */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ServerSocket plainSocket() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    private void accept(UnaryOperator<String> script) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                if (script != null) {
                    converse(socket, script);
                }
            } catch (IOException e) {
                // closed by the test, or the client went away: either way, on to the next connection
            }
        }
    }

    private void converse(Socket plain, UnaryOperator<String> script) throws IOException {
        Socket socket = plain;
        boolean upgraded = false;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        out.write("220 scripted ESMTP\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (startTls != null && upper.startsWith("EHLO")) {
                out.write(upgraded ? "250-scripted\r\n250 AUTH PLAIN LOGIN\r\n" : "250-scripted\r\n250 STARTTLS\r\n");
                out.flush();
                continue;
            }
            if (startTls != null && upper.equals("STARTTLS")) {
                out.write("220 ready to start TLS\r\n");
                out.flush();
                SSLSocket tls = (SSLSocket) startTls.getSocketFactory()
                        .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false);
                tls.setUseClientMode(false);
                tls.startHandshake();
                socket = tls;
                upgraded = true;
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                continue;
            }
            if (startTls != null && upper.startsWith("AUTH")) {
                out.write("235 2.7.0 Authentication successful\r\n");
                out.flush();
                continue;
            }
            String reply = script.apply(line);
            if (reply == null) {
                return;
            }
            out.write(reply + "\r\n");
            out.flush();
            if (reply.startsWith("354")) {
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself; the tests that need it parsed use GreenMail
                }
                commands.add(END_OF_DATA);
                String end = script.apply(END_OF_DATA);
                if (end == null) {
                    return;
                }
                out.write(end + "\r\n");
                out.flush();
            }
        }
    }
}
