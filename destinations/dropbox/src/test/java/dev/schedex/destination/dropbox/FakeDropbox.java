package dev.schedex.destination.dropbox;

import com.dropbox.core.DbxHost;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for Dropbox's API servers, on 127.0.0.1 over TLS (a certificate made for the test run
 * by the JDK's keytool), implementing the slice of API v2 the destination uses and checking what
 * Dropbox checks there:
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} on every route (401 with Dropbox's
 *       {@code invalid_access_token} or {@code expired_access_token} error otherwise), and {@code
 *       /oauth2/token} for refreshing, with the app key and secret;
 *   <li>content routes ({@code /2/files/upload}, {@code upload_session/start}, {@code append_v2},
 *       {@code finish}, {@code download}): the {@code Dropbox-API-Arg} header as JSON, an {@code
 *       application/octet-stream} body; RPC routes ({@code delete_v2}): a JSON body;
 *   <li>paths: absolute, no empty, {@code .} or {@code ..} segment, no trailing slash ({@code
 *       malformed_path}), case-insensitive as Dropbox's are, no file where a folder must be ({@code
 *       conflict});
 *   <li>write modes: {@code add} (the default) refuses an existing file with {@code conflict},
 *       {@code overwrite} replaces it;
 *   <li>{@code content_hash} (Dropbox's block hash) against the bytes received in each call ({@code
 *       content_hash_mismatch} otherwise); session offsets ({@code incorrect_offset} with the
 *       correct one), unknown sessions ({@code not_found});
 *   <li>a quota ({@code insufficient_space}) and folders the app may not write ({@code
 *       no_write_permission}).
 * </ul>
 *
 * <p>Tests can queue an answer for the next request (a 429 with {@code Retry-After}, a 500), make the
 * next request stall (a timeout), damage the bytes of uploads on their way in, or make the server
 * store damaged bytes without checking.
 */
final class FakeDropbox implements AutoCloseable {

    /** One stored file. */
    record StoredFile(String pathDisplay, byte[] content, String rev, String id) {}

    /** One request as received: its route and its argument's JSON. */
    record Request(String route, Map<String, Object> arg, int bodyBytes) {}

    /** An answer a test queues for the next request. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private static final JsonFactory JSON = new JsonFactory();

    /*
     * The SDK builds https URLs from host names without a port (a port would be read as an IPv6
     * address), so the client reaches this server through a tunnelling HTTP proxy on 127.0.0.1, the
     * way a host behind a proxy reaches Dropbox. The names are under .test, which never resolves:
     * without the proxy nothing would leave the machine either.
     */
    static final String API = "api.fake-dropbox.test";

    static final String CONTENT = "content.fake-dropbox.test";
    static final String OTHER = "www.fake-dropbox.test";

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SSLSocketFactory clientSockets;

    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, ByteArrayOutputStream> sessions = new HashMap<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> readOnlyFolders = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private String validToken = "";
    private final List<String> expiredTokens = new ArrayList<>();
    private String refreshToken = "";
    private String appKey = "";
    private String appSecret = "";
    private long quotaBytes = Long.MAX_VALUE;
    private boolean damageUploads;
    private boolean storeDamagedWithoutChecking;
    private int stallNext;
    private final Object stallLock = new Object();
    private boolean released;

    FakeDropbox(Path workDirectory) throws Exception {
        char[] password = "changeit".toCharArray();
        Path keystore = workDirectory.resolve("fake-dropbox.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "fake-dropbox",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + API,
                        "-ext",
                        "SAN=dns:" + API + ",dns:" + CONTENT + ",dns:" + OTHER,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        new String(password))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        // the client trusts this certificate and nothing else
        Certificate certificate = keys.getCertificate("fake-dropbox");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("fake-dropbox", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        clientSockets = clientContext.getSocketFactory();

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        proxy = new TunnelProxy(server.getAddress().getPort());
    }

    private final TunnelProxy proxy;

    /** @return the hosts to give the SDK: names that only the {@link #proxy()} leads to */
    DbxHost host() {
        return new DbxHost(API, CONTENT, OTHER, OTHER);
    }

    /** @return the proxy that tunnels to this server */
    java.net.Proxy proxy() {
        return new java.net.Proxy(java.net.Proxy.Type.HTTP, proxy.address());
    }

    /** @return TLS sockets that trust this server's certificate */
    SSLSocketFactory sslSocketFactory() {
        return clientSockets;
    }

    /** Forgets every file, session, request and fault, and accepts only {@code token}. */
    synchronized void reset(String token) {
        files.clear();
        sessions.clear();
        answers.clear();
        requests.clear();
        readOnlyFolders.clear();
        expiredTokens.clear();
        validToken = token;
        refreshToken = "";
        quotaBytes = Long.MAX_VALUE;
        damageUploads = false;
        storeDamagedWithoutChecking = false;
        synchronized (stallLock) {
            stallNext = 0;
            released = false;
        }
    }

    /** Accepts refreshes with this refresh token and app, and calls {@code expired} an expired token. */
    synchronized void allowRefresh(String refresh, String key, String secret, String expired) {
        this.refreshToken = refresh;
        this.appKey = key;
        this.appSecret = secret;
        this.expiredTokens.add(expired);
    }

    /** @return the token the server accepts now */
    synchronized String validToken() {
        return validToken;
    }

    synchronized void answerNext(int status, Map<String, String> headers, String body) {
        answers.add(new Answer(status, headers, body));
    }

    synchronized void quota(long bytes) {
        this.quotaBytes = bytes;
    }

    synchronized void readOnly(String folder) {
        readOnlyFolders.add(lower(folder) + "/");
    }

    /** Flips a bit in the body of every upload call before the server hashes it, as a bad link would. */
    synchronized void damageUploads() {
        this.damageUploads = true;
    }

    /** Stores every upload with a bit flipped, without checking its hash: a server that went wrong. */
    synchronized void storeDamagedWithoutChecking() {
        this.storeDamagedWithoutChecking = true;
    }

    /** Holds the next request until {@link #release()} or 30 seconds. */
    void stallNext() {
        synchronized (stallLock) {
            stallNext++;
        }
    }

    void release() {
        synchronized (stallLock) {
            released = true;
            stallLock.notifyAll();
        }
    }

    /** @return the files stored now, by their path as displayed */
    synchronized Map<String, byte[]> files() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (StoredFile f : files.values()) {
            out.put(f.pathDisplay(), f.content());
        }
        return out;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        release();
        proxy.close();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean stall;
            synchronized (stallLock) {
                stall = stallNext > 0;
                if (stall) {
                    stallNext--;
                }
            }
            if (stall) {
                awaitRelease();
                return;
            }
            Answer answer = answer(exchange, body);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.headers().containsKey("X-Fake-Binary")) {
                bytes = Base64.getDecoder().decode(answer.body());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            // a bug in the fake shows as a 500 with its message, which the test then reports
            byte[] message = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, message.length);
            exchange.getResponseBody().write(message);
        }
    }

    private void awaitRelease() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (stallLock) {
            while (!released && System.nanoTime() < deadline) {
                try {
                    stallLock.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized Answer answer(HttpExchange exchange, byte[] body) {
        String route = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST")) {
            return text(405, "Method not allowed");
        }
        if (route.equals("/oauth2/token")) {
            return refresh(exchange, body);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return text(
                    400,
                    "Error in call to API function \"" + route.substring(3)
                            + "\": Must provide HTTP header \"Authorization\" or URL parameter \"authorization\".");
        }
        String token = authorization.substring("Bearer ".length());
        if (!token.equals(validToken)) {
            String tag = expiredTokens.contains(token) ? "expired_access_token" : "invalid_access_token";
            return json(401, "{\"error_summary\": \"" + tag + "/..\", \"error\": {\".tag\": \"" + tag + "\"}}");
        }
        Answer queued = answers.poll();
        if (queued != null) {
            requests.add(new Request(route, Map.of(), body.length));
            return queued;
        }
        boolean content = !route.equals("/2/files/delete_v2");
        Map<String, Object> arg;
        if (content) {
            String header = exchange.getRequestHeaders().getFirst("Dropbox-API-Arg");
            if (header == null) {
                return text(
                        400,
                        "Error in call to API function \"" + route.substring(3)
                                + "\": Must provide HTTP header \"Dropbox-API-Arg\" or URL parameter \"arg\".");
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!route.equals("/2/files/download") && !"application/octet-stream".equals(type)) {
                return text(
                        400,
                        "Error in call to API function \"" + route.substring(3)
                                + "\": Bad HTTP \"Content-Type\" header: \"" + type + "\".");
            }
            arg = parseObject(header);
        } else {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                return text(400, "Error in call to API function \"files/delete_v2\": Bad HTTP \"Content-Type\"");
            }
            arg = parseObject(new String(body, StandardCharsets.UTF_8));
        }
        requests.add(new Request(route, arg, body.length));
        byte[] received = body;
        if ((damageUploads || storeDamagedWithoutChecking) && route.startsWith("/2/files/upload") && body.length > 0) {
            received = body.clone();
            received[received.length / 2] ^= 0x10;
        }
        switch (route) {
            case "/2/files/upload":
                return upload(arg, received);
            case "/2/files/upload_session/start":
                return sessionStart(arg, received);
            case "/2/files/upload_session/append_v2":
                return sessionAppend(arg, received);
            case "/2/files/upload_session/finish":
                return sessionFinish(arg, received);
            case "/2/files/download":
                return download(arg);
            case "/2/files/delete_v2":
                return delete(arg);
            default:
                return text(404, "Unknown API function: \"" + route + "\"");
        }
    }

    private Answer refresh(HttpExchange exchange, byte[] body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String key = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair =
                    new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            key = pair[0];
            secret = pair.length > 1 ? pair[1] : null;
        }
        requests.add(new Request("/oauth2/token", Map.of(), body.length));
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return json(400, "{\"error\": \"unsupported_grant_type\"}");
        }
        if (refreshToken.isEmpty() || !appKey.equals(key) || !appSecret.equals(secret)) {
            return json(
                    400,
                    "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client_id or client_secret\"}");
        }
        if (!refreshToken.equals(form.get("refresh_token"))) {
            return json(
                    400,
                    "{\"error\": \"invalid_grant\", \"error_description\": \"refresh token is invalid or revoked\"}");
        }
        validToken = "refreshed-" + counter.incrementAndGet();
        return json(
                200, "{\"access_token\": \"" + validToken + "\", \"token_type\": \"bearer\", \"expires_in\": 14400}");
    }

    private Answer upload(Map<String, Object> arg, byte[] body) {
        String path = string(arg, "path");
        String sessionId = "pid_upload_session:" + counter.incrementAndGet();
        Answer hash = checkHash(arg, body, "{\".tag\": \"content_hash_mismatch\"}");
        if (hash != null) {
            return hash;
        }
        String problem = writeProblem(path, arg.get("mode"), body.length);
        if (problem != null) {
            return json(
                    409,
                    "{\"error_summary\": \"path/" + problem + "/..\", \"error\": {\".tag\": \"path\", "
                            + "\"reason\": " + writeError(problem) + ", \"upload_session_id\": \"" + sessionId
                            + "\"}}");
        }
        return json(200, metadata(store(path, body), false));
    }

    private Answer sessionStart(Map<String, Object> arg, byte[] body) {
        Answer hash = checkHash(arg, body, "{\".tag\": \"content_hash_mismatch\"}");
        if (hash != null) {
            return hash;
        }
        String id = "pid_upload_session:" + UUID.randomUUID();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(body);
        sessions.put(id, data);
        return json(200, "{\"session_id\": \"" + id + "\"}");
    }

    private Answer sessionAppend(Map<String, Object> arg, byte[] body) {
        Answer lookup = lookup(arg, false);
        if (lookup != null) {
            return lookup;
        }
        Answer hash = checkHash(arg, body, "{\".tag\": \"content_hash_mismatch\"}");
        if (hash != null) {
            return hash;
        }
        sessions.get(string(object(arg, "cursor"), "session_id")).writeBytes(body);
        return json(200, "null");
    }

    private Answer sessionFinish(Map<String, Object> arg, byte[] body) {
        Answer lookup = lookup(arg, true);
        if (lookup != null) {
            return lookup;
        }
        Answer hash = checkHash(arg, body, "{\".tag\": \"content_hash_mismatch\"}");
        if (hash != null) {
            return hash;
        }
        String id = string(object(arg, "cursor"), "session_id");
        ByteArrayOutputStream data = sessions.get(id);
        data.writeBytes(body);
        Map<String, Object> commit = object(arg, "commit");
        String path = string(commit, "path");
        String problem = writeProblem(path, commit.get("mode"), data.size());
        if (problem != null) {
            return json(
                    409,
                    "{\"error_summary\": \"path/" + problem + "/..\", \"error\": {\".tag\": \"path\", " + "\"path\": "
                            + writeError(problem) + "}}");
        }
        sessions.remove(id);
        return json(200, metadata(store(path, data.toByteArray()), false));
    }

    /** @return an error for a cursor that names no open session or the wrong offset, else null */
    private Answer lookup(Map<String, Object> arg, boolean finish) {
        Map<String, Object> cursor = object(arg, "cursor");
        ByteArrayOutputStream data = sessions.get(string(cursor, "session_id"));
        String wrap = finish ? "{\".tag\": \"lookup_failed\", \"lookup_failed\": %s}" : "%s";
        if (data == null) {
            return json(
                    409,
                    "{\"error_summary\": \"not_found/\", \"error\": "
                            + String.format(Locale.ROOT, wrap, "{\".tag\": \"not_found\"}") + "}");
        }
        long offset = ((Number) Objects.requireNonNull(cursor.get("offset"), "offset")).longValue();
        if (offset != data.size()) {
            return json(
                    409,
                    "{\"error_summary\": \"incorrect_offset/\", \"error\": "
                            + String.format(
                                    Locale.ROOT,
                                    wrap,
                                    "{\".tag\": \"incorrect_offset\", \"correct_offset\": " + data.size() + "}")
                            + "}");
        }
        return null;
    }

    private Answer download(Map<String, Object> arg) {
        String path = string(arg, "path");
        if (malformed(path)) {
            return json(
                    409,
                    "{\"error_summary\": \"path/malformed_path/\", \"error\": {\".tag\": \"path\", "
                            + "\"path\": {\".tag\": \"malformed_path\"}}}");
        }
        StoredFile file = files.get(lower(path));
        if (file == null) {
            return json(
                    409,
                    "{\"error_summary\": \"path/not_found/..\", \"error\": {\".tag\": \"path\", "
                            + "\"path\": {\".tag\": \"not_found\"}}}");
        }
        return new Answer(
                200,
                Map.of(
                        "Dropbox-API-Result",
                        metadata(file, false),
                        "Content-Type",
                        "application/octet-stream",
                        "X-Fake-Binary",
                        "1"),
                Base64.getEncoder().encodeToString(file.content()));
    }

    private Answer delete(Map<String, Object> arg) {
        String path = string(arg, "path");
        StoredFile file = malformed(path) ? null : files.get(lower(path));
        if (file == null) {
            String tag = malformed(path) ? "malformed_path" : "not_found";
            return json(
                    409,
                    "{\"error_summary\": \"path_lookup/" + tag + "/\", \"error\": {\".tag\": \"path_lookup\", "
                            + "\"path_lookup\": {\".tag\": \"" + tag + "\"}}}");
        }
        if (isReadOnly(path)) {
            return json(
                    409,
                    "{\"error_summary\": \"path_write/no_write_permission/\", \"error\": {\".tag\": "
                            + "\"path_write\", \"path_write\": {\".tag\": \"no_write_permission\"}}}");
        }
        files.remove(lower(path));
        return json(200, "{\"metadata\": " + metadata(file, true) + "}");
    }

    /** @return null if the call's {@code content_hash} (when given) matches its bytes, else the error */
    private Answer checkHash(Map<String, Object> arg, byte[] body, String error) {
        Object given = arg.get("content_hash");
        if (!storeDamagedWithoutChecking && given != null && !given.equals(dropboxHash(body))) {
            return json(409, "{\"error_summary\": \"content_hash_mismatch/\", \"error\": " + error + "}");
        }
        return null;
    }

    /** @return the tag of the WriteError Dropbox would give for writing here, or null */
    private String writeProblem(String path, Object mode, long size) {
        if (malformed(path)) {
            return "malformed_path";
        }
        if (isReadOnly(path)) {
            return "no_write_permission";
        }
        String key = lower(path);
        for (String existing : files.keySet()) {
            // a file where a folder of the path should be, or a folder where the file should be
            if (key.startsWith(existing + "/") || existing.startsWith(key + "/")) {
                return "conflict";
            }
        }
        String modeTag =
                mode == null ? "add" : mode instanceof Map<?, ?> m ? String.valueOf(m.get(".tag")) : mode.toString();
        if (files.containsKey(key) && !modeTag.equals("overwrite")) {
            return "conflict";
        }
        long used = files.values().stream()
                .filter(f -> !lower(f.pathDisplay()).equals(key))
                .mapToLong(f -> f.content().length)
                .sum();
        if (used + size > quotaBytes) {
            return "insufficient_space";
        }
        return null;
    }

    /** @return a WriteError's JSON: a conflict says with what, as Dropbox's does */
    private static String writeError(String tag) {
        return tag.equals("conflict")
                ? "{\".tag\": \"conflict\", \"conflict\": {\".tag\": \"file\"}}"
                : "{\".tag\": \"" + tag + "\"}";
    }

    private boolean isReadOnly(String path) {
        String key = lower(path);
        return readOnlyFolders.stream().anyMatch(key::startsWith);
    }

    private static boolean malformed(String path) {
        if (!path.startsWith("/") || path.endsWith("/") || path.length() > 4096 || path.contains("\\")) {
            return true;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private StoredFile store(String path, byte[] content) {
        StoredFile previous = files.get(lower(path));
        StoredFile file = new StoredFile(
                path,
                content,
                String.format(Locale.ROOT, "%015x", counter.incrementAndGet()),
                previous != null ? previous.id() : "id:" + UUID.randomUUID());
        files.put(lower(path), file);
        return file;
    }

    private static String metadata(StoredFile file, boolean tagged) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String name = file.pathDisplay().substring(file.pathDisplay().lastIndexOf('/') + 1);
        return "{" + (tagged ? "\".tag\": \"file\", " : "") + "\"name\": " + quote(name) + ", \"id\": "
                + quote(file.id()) + ", \"client_modified\": \"" + now + "\", \"server_modified\": \"" + now
                + "\", \"rev\": \"" + file.rev() + "\", \"size\": " + file.content().length + ", \"path_lower\": "
                + quote(lower(file.pathDisplay())) + ", \"path_display\": " + quote(file.pathDisplay())
                + ", \"is_downloadable\": true, \"content_hash\": \"" + dropboxHash(file.content()) + "\"}";
    }

    /**
     * Dropbox's content hash, computed here on its own rather than with the destination's class, so
     * that a mistake there is refused as Dropbox would refuse it.
     */
    static String dropboxHash(byte[] bytes) {
        try {
            java.security.MessageDigest overall = java.security.MessageDigest.getInstance("SHA-256");
            int block = 4 << 20;
            for (int start = 0; start < bytes.length; start += block) {
                overall.update(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(java.util.Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + block))));
            }
            return java.util.HexFormat.of().formatHex(overall.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    private static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    private static Answer text(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("missing string '" + key + "' in " + object);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("missing object '" + key + "' in " + object);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            Object value = read(parser, parser.nextToken());
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            return (Map<String, Object>) value;
        } catch (IOException e) {
            throw new IllegalArgumentException("bad JSON: " + json, e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(parser, next));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            default:
                return "null";
        }
    }
}
