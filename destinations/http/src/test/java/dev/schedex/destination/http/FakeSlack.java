package dev.schedex.destination.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Slack's three calls of the external upload flow on 127.0.0.1, checking what Slack checks: the bot
 * token, that the bytes uploaded are exactly the length announced, and that the channel exists and
 * the file was uploaded before it is completed.
 */
final class FakeSlack implements AutoCloseable {

    static final String TOKEN = "xoxb-test-token-123";

    final LocalServer server = LocalServer.http();
    final Set<String> channels = Set.of("C0REPORTS", "C0OTHER");
    final Map<String, Long> announced = new ConcurrentHashMap<>();
    final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> completed = new ConcurrentHashMap<>();
    final AtomicInteger ids = new AtomicInteger();
    volatile Function<String, String> uploadUrl = id -> base() + "upload/" + id + "?sig=upload-secret";
    volatile int rateLimitCalls;
    volatile String failWith;

    FakeSlack() {
        server.handler = this::answer;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    URI api() {
        return URI.create(base() + "api/");
    }

    private LocalServer.Reply answer(LocalServer.Received r) {
        if (r.path().startsWith("/upload/")) {
            String id = r.path().substring("/upload/".length());
            Long length = announced.get(id);
            if (length == null) {
                return LocalServer.Reply.of(404, "no such upload");
            }
            if (r.header("Authorization") != null) {
                return LocalServer.Reply.of(400, "the upload URL takes no token");
            }
            if (r.body().length != length) {
                return LocalServer.Reply.of(400, "length mismatch: announced " + length + ", got " + r.body().length);
            }
            uploaded.put(id, r.body());
            return LocalServer.Reply.of(200, "OK - " + r.body().length);
        }
        if (rateLimitCalls > 0) {
            rateLimitCalls--;
            return new LocalServer.Reply(429, Map.of("Retry-After", "30"), new byte[0]);
        }
        if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
            return error("invalid_auth");
        }
        if (failWith != null) {
            return error(failWith);
        }
        Map<String, String> form = form(r.body());
        switch (r.path()) {
            case "/api/files.getUploadURLExternal": {
                long length;
                try {
                    length = Long.parseLong(form.getOrDefault("length", ""));
                } catch (NumberFormatException e) {
                    return error("invalid_arguments");
                }
                if (form.getOrDefault("filename", "").isBlank() || length < 1) {
                    return error("invalid_arguments");
                }
                String id = "F" + (1000 + ids.incrementAndGet());
                announced.put(id, length);
                return LocalServer.Reply.json(
                        "{\"ok\":true,\"upload_url\":\"" + uploadUrl.apply(id) + "\",\"file_id\":\"" + id + "\"}");
            }
            case "/api/files.completeUploadExternal": {
                String files = form.getOrDefault("files", "");
                String id = files.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                if (!uploaded.containsKey(id)) {
                    return error("file_not_found");
                }
                if (!channels.contains(form.getOrDefault("channel_id", ""))) {
                    return error("channel_not_found");
                }
                completed.put(id, form);
                return LocalServer.Reply.json(
                        "{\"ok\":true,\"files\":[{\"id\":\"" + id + "\",\"title\":\"t\",\"shares\":{\"public\":{}}}]}");
            }
            case "/api/files.upload":
                return error("method_deprecated");
            default:
                return error("unknown_method");
        }
    }

    private static LocalServer.Reply error(String code) {
        return LocalServer.Reply.json("{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
