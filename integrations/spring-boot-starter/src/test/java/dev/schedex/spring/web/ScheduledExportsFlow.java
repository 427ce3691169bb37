package dev.schedex.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The original product's flow over real HTTP: create daily 02:00, read, list, change to 03:00,
 * pause, delete, gone; create weekly Monday, change to Friday; the three validation failures; and
 * two users who never see each other's schedules; and a run now that succeeds. Users sign in with HTTP
 * Basic. The starter's HTTP test runs it, and so does the Spring Boot example's (on H2 and on
 * PostgreSQL), through this module's test jar, each with its own format and destination.
 */
public final class ScheduledExportsFlow {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String document;
    private final String formatId;
    private final String destination;

    /**
     * @param base        the application's root, such as http://127.0.0.1:8080
     * @param document    a document id alice's schedules export
     * @param formatId    the format they export in
     * @param destination the JSON of their destination, such as {@code {"name": "counting", "parameters": {}}}
     */
    public ScheduledExportsFlow(String base, String document, String formatId, String destination) {
        this.base = base;
        this.document = document;
        this.formatId = formatId;
        this.destination = destination;
    }

    /**
     * An answer.
     *
     * @param status  the status code
     * @param body    the body
     * @param headers the headers, by lower-case name
     */
    public record Response(int status, String body, Map<String, List<String>> headers) {
        /** @param name a header's name @return its first value, or "" */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of(""))
                    .get(0);
        }

        /** @param path a JSON path @param <T> the value's type @return the value at it */
        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    /**
     * @param user    who signs in (password: the name and "-password"), or "" for nobody
     * @param method  the HTTP method
     * @param path    the path below the root
     * @param body    a JSON body, or ""
     * @param headers more headers, name then value
     * @return the answer
     * @throws Exception if the call fails
     */
    public Response call(String user, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (!user.isEmpty()) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(), response.body(), response.headers().map());
    }

    private String daily(String time) {
        return """
                {"documentId": "%s", "name": "Nightly PNG",
                 "schedule": {"kind": "daily", "fields": {"times": "%s"}},
                 "zone": "Europe/Berlin", "formatId": "%s",
                 "destination": %s}""".formatted(document, time, formatId, destination);
    }

    private String weekly(String day) {
        return """
                {"documentId": "%s", "name": "Weekly",
                 "schedule": {"kind": "weekly", "fields": {"days": "%s", "time": "02:00"}},
                 "zone": "Europe/Berlin", "formatId": "%s",
                 "destination": %s}""".formatted(document, day, formatId, destination);
    }

    private static final String API = "/api/scheduled-exports";

    /**
     * Walks the flow, asserting every answer.
     *
     * @throws Exception if a call fails
     */
    public void run() throws Exception {
        // create daily 02:00, read it, list it
        Response created = call("alice", "POST", API, daily("02:00"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).endsWith(API + "/" + id);
        String etag = created.header("ETag");

        Response read = call("alice", "GET", API + "/" + id, "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.<String>json("$.schedule.fields.times")).isEqualTo("02:00");
        assertThat(read.<String>json("$.state.nextRunAt.local")).endsWith("T02:00:00+01:00");
        assertThat(read.<String>json("$.state.nextRunAt.utc")).endsWith("T01:00:00Z");

        Response listed = call("alice", "GET", API, "");
        assertThat(listed.<Integer>json("$.total")).isEqualTo(1);
        assertThat(listed.<String>json("$.items[0].id")).isEqualTo(id);

        // change it to 03:00, naming the version it was read at
        Response changed = call(
                "alice",
                "PATCH",
                API + "/" + id,
                "{\"schedule\": {\"kind\": \"daily\", \"fields\": {\"times\": \"03:00\"}}}",
                "If-Match",
                etag);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.<String>json("$.schedule.fields.times")).isEqualTo("03:00");
        assertThat(changed.<String>json("$.state.nextRunAt.local")).endsWith("T03:00:00+01:00");
        // the old version is stale now
        Response stale = call("alice", "PUT", API + "/" + id, daily("04:00"), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo(changed.header("ETag"));

        // pause it, delete it, see it gone
        Response paused = call("alice", "POST", API + "/" + id + "/pause", "");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.<Boolean>json("$.active")).isFalse();
        assertThat(call("alice", "DELETE", API + "/" + id, "").status()).isEqualTo(204);
        Response gone = call("alice", "GET", API + "/" + id, "");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(call("alice", "GET", API, "").<Integer>json("$.total")).isZero();

        // create weekly on Monday, change it to Friday
        Response weekly = call("alice", "POST", API, weekly("MON"));
        assertThat(weekly.status()).as(weekly.body()).isEqualTo(201);
        String weeklyId = weekly.json("$.id");
        Response friday = call("alice", "PUT", API + "/" + weeklyId, weekly("FRI"), "If-Match", weekly.header("ETag"));
        assertThat(friday.status()).as(friday.body()).isEqualTo(200);
        assertThat(friday.<String>json("$.schedule.fields.days")).isEqualTo("FRI");
        assertThat(friday.<String>json("$.schedule.description")).contains("Friday");

        // the three validation failures: a time that is no time, a zone that is none, an unknown format
        assertInvalid(daily("25:00"), "schedule.times");
        assertInvalid(daily("02:00").replace("Europe/Berlin", "Mars/Olympus"), "zone");
        assertInvalid(daily("02:00").replace("\"" + formatId + "\"", "\"gif\""), "formatId");
        Response all = call(
                "alice",
                "POST",
                API,
                daily("25:00").replace("Europe/Berlin", "Mars/Olympus").replace("\"" + formatId + "\"", "\"gif\""));
        assertThat(all.<List<?>>json("$.violations")).hasSize(3);

        // two users: bob sees none of alice's schedules, and cannot touch them
        assertThat(call("bob", "GET", API + "/" + weeklyId, "").status()).isEqualTo(404);
        assertThat(call("bob", "GET", API, "").<Integer>json("$.total")).isZero();
        assertThat(call("bob", "DELETE", API + "/" + weeklyId, "").status()).isEqualTo(404);
        assertThat(call("bob", "PUT", API + "/" + weeklyId, weekly("TUE")).status())
                .isEqualTo(404);
        Response bobs = call("bob", "POST", API, weekly("WED"));
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(call("alice", "GET", API + "/" + bobs.json("$.id"), "").status())
                .isEqualTo(404);
        assertThat(call("alice", "GET", API, "").<Integer>json("$.total")).isEqualTo(1);
        assertThat(call("alice", "GET", API + "/" + weeklyId, "").<String>json("$.schedule.fields.days"))
                .isEqualTo("FRI");
        // and nobody signed in is 401
        assertThat(call("", "GET", API, "").status()).isEqualTo(401);
    }

    private void assertInvalid(String body, String field) throws Exception {
        Response response = call("alice", "POST", API, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.<List<String>>json("$.violations[*].field")).containsExactly(field);
    }

    /**
     * Creates a daily schedule and runs it now, expecting the export to succeed.
     *
     * @throws Exception if a call fails
     */
    public void runNowSucceeds() throws Exception {
        Response schedule = call("alice", "POST", API, daily("02:00"));
        Response run = call("alice", "POST", API + "/" + schedule.json("$.id") + "/run", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.<String>json("$.status")).as(run.body()).isEqualTo("SUCCEEDED");
        Response runs = call("alice", "GET", API + "/" + schedule.json("$.id") + "/runs", "");
        assertThat(runs.<List<?>>json("$.items")).hasSize(1);
    }
}
