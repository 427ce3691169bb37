package dev.schedex.destination.drive;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the slice of the Drive v3 REST API the destination uses, on 127.0.0.1 and a
 * free port: {@code files.list} (with the subset of the query language the destination writes,
 * ordering by createdTime, and paging), {@code files.create} (metadata only, multipart and resumable
 * uploads with their session PUTs), {@code files.update} (metadata, multipart and resumable media, also
 * as POST with {@code X-HTTP-Method-Override: PATCH}, as the JDK transport sends it) and {@code
 * files.delete}.
 *
 * <p>It checks what Drive checks: a bearer token (401 otherwise), that a new file's one parent exists
 * and is a folder not in the bin (404), that an update does not write {@code parents}, that a
 * multipart body is two well-formed parts (JSON metadata, then the media), that a resumable session's
 * chunks arrive in order with matching {@code Content-Range}s and add up to the declared length,
 * and that a listing of a shared drive names it. It does not model permissions, quotas, revisions'
 * history, or eventual consistency of search.
 */
final class FakeDrive implements AutoCloseable {

    static final String TOKEN = "test-token";
    static final String ROOT = "parent-folder-id";
    static final String FOLDER = "application/vnd.google-apps.folder";

    private static final Gson GSON = new Gson();
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private long ticks;
    private long ids;
    private java.security.PublicKey serviceAccountKey;
    private String tokenError = "";
    private boolean raceNextFolder;

    /** A file or folder as the fake keeps it. */
    static final class StoredFile {
        final String id;
        String name;
        String mimeType;
        final List<String> parents;
        final Map<String, String> appProperties = new LinkedHashMap<>();
        byte[] content = new byte[0];
        final Instant createdTime;
        boolean trashed;
        int version = 1;

        StoredFile(String id, String name, String mimeType, List<String> parents, Instant createdTime) {
            this.id = id;
            this.name = name;
            this.mimeType = mimeType;
            this.parents = List.copyOf(parents);
            this.createdTime = createdTime;
        }

        JsonObject json() {
            JsonObject o = new JsonObject();
            o.addProperty("kind", "drive#file");
            o.addProperty("id", id);
            o.addProperty("name", name);
            o.addProperty("mimeType", mimeType);
            JsonArray p = new JsonArray();
            parents.forEach(p::add);
            o.add("parents", p);
            JsonObject props = new JsonObject();
            appProperties.forEach(props::addProperty);
            o.add("appProperties", props);
            o.addProperty("createdTime", createdTime.toString());
            o.addProperty("trashed", trashed);
            o.addProperty("version", Integer.toString(version));
            return o;
        }
    }

    /** A resumable upload in progress. */
    private static final class Session {
        final JsonObject metadata;
        final String mediaType;
        final long declaredLength;
        final String fileId; // empty for a create
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Session(JsonObject metadata, String mediaType, long declaredLength, String fileId) {
            this.metadata = metadata;
            this.mediaType = mediaType;
            this.declaredLength = declaredLength;
            this.fileId = fileId;
        }
    }

    /** A request as failure scripts see it. */
    record Request(String method, String path, String uploadType) {
        boolean isList() {
            return method.equals("GET") && path.equals("/drive/v3/files");
        }

        boolean isUpload() {
            return path.startsWith("/upload/");
        }
    }

    /** An answer to give once, instead of the real one, to the next request that matches. */
    private record Scripted(
            Predicate<Request> when, int status, String reason, Map<String, String> headers, boolean hang) {}

    FakeDrive() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        synchronized (this) {
            StoredFile root = new StoredFile(ROOT, "Exports", FOLDER, List.of(), tick());
            files.put(ROOT, root);
        }
    }

    /** @return the root URL to give the destination */
    String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Answers the next matching request with this status and Drive-style error reason, once. */
    synchronized void failNext(Predicate<Request> when, int status, String reason, Map<String, String> headers) {
        scripted.add(new Scripted(when, status, reason, headers, false));
    }

    /**
     * Makes {@code /token} an OAuth token endpoint for a service account: a JWT bearer grant whose
     * assertion is signed (RS256) with this key's private half, for Google's token endpoint as audience and a
     * Drive scope, gets {@link #TOKEN}.
     */
    synchronized void acceptServiceAccount(java.security.PublicKey key) {
        this.serviceAccountKey = key;
    }

    /** Makes the token endpoint refuse grants with this OAuth error, as for a revoked key. */
    synchronized void refuseTokens(String error) {
        this.tokenError = error;
    }

    /** @return the token endpoint's URL, for a service account key's {@code token_uri} */
    String tokenUri() {
        return rootUrl() + "token";
    }

    /**
     * Makes the next folder creation lose a race: just before it, another client creates a folder of
     * the same name in the same place.
     */
    synchronized void raceNextFolderCreation() {
        raceNextFolder = true;
    }

    /** Leaves the next matching request unanswered until the fake is closed. */
    synchronized void hangNext(Predicate<Request> when) {
        scripted.add(new Scripted(when, 0, "", Map.of(), true));
    }

    /** Adds a file as a person (or another app) would, without the destination's app properties. */
    synchronized String addForeignFile(String parentId, String name, byte[] content) {
        StoredFile file = new StoredFile(nextId(), name, "image/png", List.of(parentId), tick());
        file.content = content.clone();
        files.put(file.id, file);
        return file.id;
    }

    /** @return every file and folder not deleted, in the bin or not */
    synchronized List<StoredFile> files() {
        return List.copyOf(files.values());
    }

    /** @return the requests so far, as "METHOD path uploadType" */
    synchronized List<String> requests() {
        return List.copyOf(log);
    }

    /**
     * @return every file not in the bin that is not a folder, by the location the destination gives
     *     it (a Drive link with the file's id, and its path below the root folder after a {@code #})
     */
    synchronized Map<String, byte[]> exports() {
        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (StoredFile file : files.values()) {
            if (!file.mimeType.equals(FOLDER) && !file.trashed) {
                exports.put("https://drive.google.com/file/d/" + file.id + "/view#" + path(file), file.content);
            }
        }
        return exports;
    }

    private String path(StoredFile file) {
        StringBuilder path = new StringBuilder(file.name);
        StoredFile at = file;
        for (int depth = 0; depth < 100 && !at.parents.isEmpty(); depth++) {
            StoredFile parent = files.get(at.parents.get(0));
            if (parent == null || parent.id.equals(ROOT)) {
                break;
            }
            path.insert(0, parent.name + "/");
            at = parent;
        }
        return path.toString();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the HTTP side ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            if (method.equals("POST") && override != null) {
                method = override.toUpperCase(Locale.ROOT);
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Request request = new Request(method, path, query.getOrDefault("uploadType", ""));
            byte[] body = body(exchange);
            Scripted script;
            synchronized (this) {
                log.add(method + " " + path + " " + request.uploadType());
                script = scripted.stream()
                        .filter(s -> s.when().test(request))
                        .findFirst()
                        .orElse(null);
                if (script != null) {
                    scripted.remove(script);
                }
            }
            if (path.equals("/token") && method.equals("POST")) {
                token(exchange, body);
                return;
            }
            boolean sessionPut = method.equals("PUT") && query.containsKey("upload_id");
            // the session URL is itself the credential of a resumable upload; everything else needs the token
            if (!sessionPut
                    && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders()
                        .add(
                                "WWW-Authenticate",
                                "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
                error(exchange, 401, "authError", "Request had invalid authentication credentials.");
                return;
            }
            if (script != null) {
                if (script.hang()) {
                    released.await(30, TimeUnit.SECONDS);
                    return;
                }
                script.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                error(exchange, script.status(), script.reason(), "scripted failure");
                return;
            }
            route(exchange, method, path, query, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error(exchange, 500, "backendError", "fake failed: " + e);
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        Matcher file = Pattern.compile("/drive/v3/files/([^/]+)").matcher(path);
        Matcher upload = Pattern.compile("/upload/drive/v3/files(?:/([^/]+))?").matcher(path);
        if (path.equals("/drive/v3/files") && method.equals("GET")) {
            list(exchange, query);
        } else if (path.equals("/drive/v3/files") && method.equals("POST")) {
            JsonObject metadata = json(body);
            synchronized (this) {
                if (raceNextFolder
                        && metadata.has("mimeType")
                        && str(metadata, "mimeType").equals(FOLDER)) {
                    raceNextFolder = false;
                    create(exchange, metadata, FOLDER, new byte[0]);
                }
            }
            answer(
                    exchange,
                    200,
                    create(
                            exchange,
                            metadata,
                            metadata.has("mimeType") ? str(metadata, "mimeType") : "application/octet-stream",
                            new byte[0]));
        } else if (file.matches() && method.equals("PATCH")) {
            answer(exchange, 200, update(exchange, file.group(1), json(body), null, null));
        } else if (file.matches() && method.equals("GET")) {
            StoredFile found = existing(exchange, file.group(1));
            if (found != null) {
                answer(exchange, 200, found.json());
            }
        } else if (file.matches() && method.equals("DELETE")) {
            delete(exchange, file.group(1));
        } else if (upload.matches() && method.equals("PUT") && query.containsKey("upload_id")) {
            chunk(exchange, query.get("upload_id"), body);
        } else if (upload.matches() && (method.equals("POST") || method.equals("PATCH"))) {
            String fileId = upload.group(1) == null ? "" : upload.group(1);
            if (method.equals("POST") != fileId.isEmpty()) {
                error(exchange, 404, "notFound", "no such method");
                return;
            }
            switch (query.getOrDefault("uploadType", "")) {
                case "multipart" -> multipart(exchange, fileId, body);
                case "resumable" -> startSession(exchange, fileId, body);
                default -> error(exchange, 400, "invalid", "uploadType must be multipart or resumable here");
            }
        } else {
            error(exchange, 404, "notFound", "no such endpoint: " + method + " " + path);
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        if ("drive".equals(query.get("corpora"))
                && (!query.containsKey("driveId") || !"true".equals(query.get("includeItemsFromAllDrives")))) {
            error(exchange, 403, "teamDriveIdRequired", "corpora=drive needs driveId and includeItemsFromAllDrives");
            return;
        }
        Predicate<StoredFile> filter;
        try {
            filter = new QueryParser(query.getOrDefault("q", "")).parse();
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "invalid", "Invalid Value: " + e.getMessage());
            return;
        }
        List<StoredFile> matching;
        synchronized (this) {
            matching = files.values().stream()
                    .filter(filter)
                    .sorted(order(query.getOrDefault("orderBy", "")))
                    .toList();
        }
        int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "100"));
        if (pageSize < 1 || pageSize > 1000) {
            error(exchange, 400, "invalid", "pageSize must be 1 to 1000");
            return;
        }
        int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        JsonObject result = new JsonObject();
        result.addProperty("kind", "drive#fileList");
        JsonArray page = new JsonArray();
        matching.subList(from, Math.min(matching.size(), from + pageSize)).forEach(f -> page.add(f.json()));
        result.add("files", page);
        if (from + pageSize < matching.size()) {
            result.addProperty("nextPageToken", Integer.toString(from + pageSize));
        }
        answer(exchange, 200, result);
    }

    private static Comparator<StoredFile> order(String orderBy) {
        Comparator<StoredFile> created = Comparator.comparing(f -> f.createdTime);
        return switch (orderBy.strip()) {
            case "" -> Comparator.comparing(f -> f.id);
            case "createdTime" -> created;
            case "createdTime desc" -> created.reversed();
            default -> throw new IllegalArgumentException("orderBy not supported by the fake: " + orderBy);
        };
    }

    /** Creates a file from its metadata; answers 404 (and returns null) if its parent is not a folder. */
    private JsonObject create(HttpExchange exchange, JsonObject metadata, String mediaType, byte[] content)
            throws IOException {
        List<String> parents = new ArrayList<>();
        if (metadata.has("parents")) {
            metadata.getAsJsonArray("parents").forEach(p -> parents.add(p.getAsString()));
        }
        if (parents.size() != 1) {
            error(exchange, 403, "cannotAddParent", "a file here needs exactly one parent");
            return null;
        }
        synchronized (this) {
            StoredFile parent = files.get(parents.get(0));
            if (parent == null || parent.trashed || !parent.mimeType.equals(FOLDER)) {
                error(exchange, 404, "notFound", "File not found: " + parents.get(0) + ".");
                return null;
            }
            String type = metadata.has("mimeType") ? str(metadata, "mimeType") : mediaType;
            StoredFile file = new StoredFile(
                    nextId(), metadata.has("name") ? str(metadata, "name") : "Untitled", type, parents, tick());
            applyAppProperties(file, metadata);
            file.content = content;
            files.put(file.id, file);
            return file.json();
        }
    }

    /** Applies an update's metadata (and media, if given); answers 4xx (and returns null) if refused. */
    private JsonObject update(HttpExchange exchange, String id, JsonObject metadata, String mediaType, byte[] content)
            throws IOException {
        if (metadata.has("parents")) {
            error(exchange, 403, "fieldNotWritable", "The parents field is not directly writable in update requests.");
            return null;
        }
        synchronized (this) {
            StoredFile file = existing(exchange, id);
            if (file == null) {
                return null;
            }
            if (metadata.has("name")) {
                file.name = str(metadata, "name");
            }
            if (metadata.has("mimeType")) {
                file.mimeType = str(metadata, "mimeType");
            } else if (mediaType != null) {
                file.mimeType = mediaType;
            }
            if (metadata.has("trashed")) {
                file.trashed = metadata.get("trashed").getAsBoolean();
            }
            applyAppProperties(file, metadata);
            if (content != null) {
                file.content = content;
                file.version++;
            }
            return file.json();
        }
    }

    private static void applyAppProperties(StoredFile file, JsonObject metadata) {
        if (metadata.has("appProperties")) {
            for (Map.Entry<String, JsonElement> e :
                    metadata.getAsJsonObject("appProperties").entrySet()) {
                if (e.getValue().isJsonNull()) {
                    file.appProperties.remove(e.getKey());
                } else {
                    file.appProperties.put(e.getKey(), e.getValue().getAsString());
                }
            }
        }
    }

    private StoredFile existing(HttpExchange exchange, String id) throws IOException {
        StoredFile file;
        synchronized (this) {
            file = files.get(id);
        }
        if (file == null) {
            error(exchange, 404, "notFound", "File not found: " + id + ".");
        }
        return file;
    }

    private void delete(HttpExchange exchange, String id) throws IOException {
        synchronized (this) {
            if (existing(exchange, id) == null) {
                return;
            }
            if (id.equals(ROOT)) {
                error(exchange, 403, "insufficientFilePermissions", "the fake's root stays");
                return;
            }
            List<String> doomed = new ArrayList<>(List.of(id));
            for (int i = 0; i < doomed.size(); i++) {
                String parent = doomed.get(i);
                files.values().stream().filter(f -> f.parents.contains(parent)).forEach(f -> doomed.add(f.id));
            }
            doomed.forEach(files::remove);
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void multipart(HttpExchange exchange, String fileId, byte[] body) throws IOException {
        String contentType =
                Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Content-Type"), "");
        Matcher boundary = Pattern.compile("multipart/related;\\s*boundary=\"?([^\";]+)\"?")
                .matcher(contentType);
        if (!boundary.find()) {
            error(exchange, 400, "badContent", "multipart upload needs Content-Type multipart/related with a boundary");
            return;
        }
        List<Part> parts;
        try {
            parts = parts(body, boundary.group(1));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "badContent", "malformed multipart body: " + e.getMessage());
            return;
        }
        if (parts.size() != 2 || !parts.get(0).contentType().startsWith("application/json")) {
            error(exchange, 400, "badContent", "multipart body must be JSON metadata then the media");
            return;
        }
        JsonObject metadata = json(parts.get(0).content());
        Part media = parts.get(1);
        JsonObject result = fileId.isEmpty()
                ? create(exchange, metadata, media.contentType(), media.content())
                : update(exchange, fileId, metadata, media.contentType(), media.content());
        if (result != null) {
            answer(exchange, 200, result);
        }
    }

    private record Part(String contentType, byte[] content) {}

    /** Splits a multipart/related body, checking its delimiters, header blocks and closing delimiter. */
    private static List<Part> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        if (!text.startsWith(delimiter + "\r\n")) {
            throw new IllegalArgumentException("does not start with the boundary");
        }
        String closing = "\r\n" + delimiter + "--";
        int end = text.lastIndexOf(closing);
        if (end < 0 || !text.substring(end + closing.length()).matches("(\r\n)?")) {
            throw new IllegalArgumentException("no closing boundary");
        }
        List<Part> parts = new ArrayList<>();
        int at = delimiter.length() + 2;
        while (at <= end) {
            int next = text.indexOf("\r\n" + delimiter + "\r\n", at);
            int partEnd = next < 0 || next > end ? end : next;
            String part = text.substring(at, partEnd);
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a part without a header block");
            }
            String contentType = "";
            for (String header : part.substring(0, headersEnd).split("\r\n")) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("bad part header: " + header);
                }
                if (header.substring(0, colon).strip().equalsIgnoreCase("Content-Type")) {
                    contentType = header.substring(colon + 1).strip();
                }
            }
            byte[] content = part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
            parts.add(new Part(contentType, content));
            at = partEnd + 2 + delimiter.length() + 2;
        }
        return parts;
    }

    private void startSession(HttpExchange exchange, String fileId, byte[] body) throws IOException {
        JsonObject metadata = body.length == 0 ? new JsonObject() : json(body);
        String mediaType = Objects.requireNonNullElse(
                exchange.getRequestHeaders().getFirst("X-Upload-Content-Type"), "application/octet-stream");
        String length = exchange.getRequestHeaders().getFirst("X-Upload-Content-Length");
        synchronized (this) {
            if (fileId.isEmpty()) {
                List<String> parents = new ArrayList<>();
                if (metadata.has("parents")) {
                    metadata.getAsJsonArray("parents").forEach(p -> parents.add(p.getAsString()));
                }
                StoredFile parent = parents.size() == 1 ? files.get(parents.get(0)) : null;
                if (parent == null || !parent.mimeType.equals(FOLDER) || parent.trashed) {
                    error(exchange, 404, "notFound", "File not found: " + String.join(",", parents) + ".");
                    return;
                }
            } else if (existing(exchange, fileId) == null) {
                return;
            }
            String uploadId = "session-" + nextId();
            sessions.put(
                    uploadId, new Session(metadata, mediaType, length == null ? -1 : Long.parseLong(length), fileId));
            String at = rootUrl() + "upload/drive/v3/files" + (fileId.isEmpty() ? "" : "/" + fileId)
                    + "?uploadType=resumable&upload_id=" + uploadId;
            exchange.getResponseHeaders().add("Location", at);
        }
        exchange.sendResponseHeaders(200, -1);
    }

    private static final Pattern RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private void chunk(HttpExchange exchange, String uploadId, byte[] body) throws IOException {
        Session session;
        synchronized (this) {
            session = sessions.get(uploadId);
        }
        if (session == null) {
            error(exchange, 404, "notFound", "no such upload session");
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Content-Range");
        Matcher range = RANGE.matcher(header == null ? "" : header);
        if (!range.matches()) {
            error(exchange, 400, "badContent", "a session PUT needs Content-Range: bytes a-b/total");
            return;
        }
        long total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
        if (total >= 0 && session.declaredLength >= 0 && total != session.declaredLength) {
            error(exchange, 400, "badContent", "total " + total + " is not the declared " + session.declaredLength);
            return;
        }
        long received = session.received.size();
        if (range.group(1) != null) {
            long first = Long.parseLong(range.group(1));
            long last = Long.parseLong(range.group(2));
            if (first != received || last - first + 1 != body.length) {
                error(
                        exchange,
                        400,
                        "badContent",
                        "chunk " + header + " of " + body.length + " bytes does not continue at byte " + received);
                return;
            }
            session.received.write(body);
        } else if (body.length != 0) {
            error(exchange, 400, "badContent", "a status query has no body");
            return;
        }
        long now = session.received.size();
        if (total >= 0 && now == total) {
            synchronized (this) {
                sessions.remove(uploadId);
            }
            byte[] content = session.received.toByteArray();
            JsonObject result = session.fileId.isEmpty()
                    ? create(exchange, session.metadata, session.mediaType, content)
                    : update(exchange, session.fileId, session.metadata, session.mediaType, content);
            if (result != null) {
                answer(exchange, 200, result);
            }
            return;
        }
        if (total >= 0 && now > total) {
            error(exchange, 400, "badContent", "more bytes than declared");
            return;
        }
        if (now > 0) {
            exchange.getResponseHeaders().add("Range", "bytes=0-" + (now - 1));
        }
        exchange.sendResponseHeaders(308, -1);
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
        java.security.PublicKey key;
        String refusal;
        synchronized (this) {
            key = serviceAccountKey;
            refusal = tokenError;
        }
        String assertion = form.getOrDefault("assertion", "");
        String[] jwt = assertion.split("\\.");
        boolean valid = key != null
                && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                && jwt.length == 3;
        if (valid) {
            try {
                java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                valid = rs256.verify(java.util.Base64.getUrlDecoder().decode(jwt[2]));
                JsonObject claims = JsonParser.parseString(
                                new String(java.util.Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8))
                        .getAsJsonObject();
                // the audience is Google's token endpoint, whatever token_uri the key names
                valid &= "https://oauth2.googleapis.com/token".equals(str(claims, "aud"))
                        && str(claims, "scope").startsWith("https://www.googleapis.com/auth/drive");
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                valid = false;
            }
        }
        JsonObject answer = new JsonObject();
        if (!valid || !refusal.isEmpty()) {
            answer.addProperty("error", refusal.isEmpty() ? "invalid_grant" : refusal);
            answer.addProperty("error_description", "Invalid JWT Signature.");
            answer(exchange, 400, answer);
            return;
        }
        answer.addProperty("access_token", TOKEN);
        answer.addProperty("expires_in", 3599);
        answer.addProperty("token_type", "Bearer");
        answer(exchange, 200, answer);
    }

    // ---- helpers ----

    private synchronized Instant tick() {
        return EPOCH.plusMillis(++ticks);
    }

    private synchronized String nextId() {
        return "f" + (++ids) + "x" + Long.toHexString(System.identityHashCode(this));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] raw = in.readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return gz.readAllBytes();
            }
        }
        return raw;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(key, value);
            }
        }
        return query;
    }

    private static JsonObject json(byte[] body) {
        return body.length == 0
                ? new JsonObject()
                : JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                        .getAsJsonObject();
    }

    private static String str(JsonObject o, String key) {
        return o.get(key).getAsString();
    }

    private static void answer(HttpExchange exchange, int status, JsonObject body) throws IOException {
        if (body == null) {
            return;
        }
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
        JsonObject error = new JsonObject();
        error.addProperty("code", status);
        error.addProperty("message", message);
        JsonArray errors = new JsonArray();
        JsonObject info = new JsonObject();
        info.addProperty("domain", "global");
        info.addProperty("reason", reason);
        info.addProperty("message", message);
        errors.add(info);
        error.add("errors", errors);
        JsonObject body = new JsonObject();
        body.add("error", error);
        answer(exchange, status, body);
    }

    /**
     * The part of Drive's query language the destination writes: {@code and}, {@code or},
     * parentheses, {@code 'id' in parents}, {@code name}, {@code mimeType} ({@code =}, {@code !=}),
     * {@code trashed = true|false}, and {@code appProperties has { key='k' and value='v' }}. Anything
     * else is refused, as Drive refuses what it cannot parse.
     */
    static final class QueryParser {
        private static final Pattern TOKEN =
                Pattern.compile("\\s*(?:('(?:[^'\\\\]|\\\\.)*')|(!=|=|\\{|\\}|\\(|\\))|([A-Za-z]+))");
        private final List<String> tokens = new ArrayList<>();
        private int at;

        QueryParser(String query) {
            Matcher m = TOKEN.matcher(query);
            int position = 0;
            while (position < query.length()) {
                if (query.substring(position).isBlank()) {
                    break;
                }
                if (!m.find(position) || m.start() != position) {
                    throw new IllegalArgumentException("cannot read the query at " + position);
                }
                tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                position = m.end();
            }
        }

        Predicate<StoredFile> parse() {
            if (tokens.isEmpty()) {
                return f -> true;
            }
            Predicate<StoredFile> p = or();
            if (at != tokens.size()) {
                throw new IllegalArgumentException("unexpected '" + tokens.get(at) + "'");
            }
            return p;
        }

        private Predicate<StoredFile> or() {
            Predicate<StoredFile> p = and();
            while (peek("or")) {
                at++;
                p = p.or(and());
            }
            return p;
        }

        private Predicate<StoredFile> and() {
            Predicate<StoredFile> p = term();
            while (peek("and")) {
                at++;
                p = p.and(term());
            }
            return p;
        }

        private Predicate<StoredFile> term() {
            String token = next();
            if (token.equals("(")) {
                Predicate<StoredFile> p = or();
                expect(")");
                return p;
            }
            if (token.startsWith("'")) {
                String id = unquote(token);
                expect("in");
                expect("parents");
                return f -> f.parents.contains(id);
            }
            switch (token) {
                case "name", "mimeType" -> {
                    String op = next();
                    String value = unquote(next());
                    Predicate<StoredFile> eq =
                            token.equals("name") ? f -> f.name.equals(value) : f -> f.mimeType.equals(value);
                    return switch (op) {
                        case "=" -> eq;
                        case "!=" -> eq.negate();
                        default -> throw new IllegalArgumentException("operator " + op + " not supported");
                    };
                }
                case "trashed" -> {
                    expect("=");
                    String value = next();
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("trashed takes true or false");
                    }
                    boolean trashed = Boolean.parseBoolean(value);
                    return f -> f.trashed == trashed;
                }
                case "appProperties" -> {
                    expect("has");
                    expect("{");
                    expect("key");
                    expect("=");
                    String key = unquote(next());
                    expect("and");
                    expect("value");
                    expect("=");
                    String value = unquote(next());
                    expect("}");
                    return f -> value.equals(f.appProperties.get(key));
                }
                default -> throw new IllegalArgumentException("term '" + token + "' not supported");
            }
        }

        private static String unquote(String token) {
            if (!token.startsWith("'") || !token.endsWith("'") || token.length() < 2) {
                throw new IllegalArgumentException("expected a quoted string, got " + token);
            }
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < token.length() - 1; i++) {
                char c = token.charAt(i);
                if (c == '\\') {
                    c = token.charAt(++i);
                }
                value.append(c);
            }
            return value.toString();
        }

        private boolean peek(String token) {
            return at < tokens.size() && tokens.get(at).equals(token);
        }

        private String next() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("the query ends too soon");
            }
            return tokens.get(at++);
        }

        private void expect(String token) {
            String got = next();
            if (!got.equals(token)) {
                throw new IllegalArgumentException("expected '" + token + "', got '" + got + "'");
            }
        }
    }
}
