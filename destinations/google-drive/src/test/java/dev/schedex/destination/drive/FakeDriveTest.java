package dev.schedex.destination.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.destination.drive.internal.DriveQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in refuses what Drive refuses, so that a destination that passes against it sends what
 * Drive accepts: requests made by hand, not by Google's client, each wrong in one way.
 */
class FakeDriveTest {

    private static final String BOUNDARY = "b0undary";

    private FakeDrive drive;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        drive = new FakeDrive();
    }

    @AfterEach
    void stop() {
        drive.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(drive.rootUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String multipart(String metadata, String media) {
        return "--" + BOUNDARY + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + metadata + "\r\n--"
                + BOUNDARY + "\r\nContent-Type: image/png\r\n\r\n" + media + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private HttpResponse<String> upload(String body) throws Exception {
        return send(
                "POST",
                "upload/drive/v3/files?uploadType=multipart",
                "multipart/related; boundary=" + BOUNDARY,
                body,
                FakeDrive.TOKEN);
    }

    @Test
    void aWellFormedMultipartUploadIsStored() throws Exception {
        HttpResponse<String> answer =
                upload(multipart("{\"name\":\"a.png\",\"parents\":[\"" + FakeDrive.ROOT + "\"]}", "PNG"));
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals(
                List.of("PNG"),
                drive.exports().values().stream().map(String::new).toList());
    }

    @Test
    void aRequestWithoutTheBearerTokenIsRefused() throws Exception {
        assertEquals(401, send("GET", "drive/v3/files", "", "", "").statusCode());
        assertEquals(401, send("GET", "drive/v3/files", "", "", "other").statusCode());
    }

    @Test
    void aFileIntoAMissingFolderIsRefused() throws Exception {
        HttpResponse<String> answer = upload(multipart("{\"name\":\"a.png\",\"parents\":[\"nope\"]}", "PNG"));
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("notFound"), answer::body);
    }

    @Test
    void aMalformedMultipartBodyIsRefused() throws Exception {
        String good = multipart("{\"name\":\"a.png\",\"parents\":[\"" + FakeDrive.ROOT + "\"]}", "PNG");
        for (String bad : List.of(
                good.substring(0, good.length() - 4), // no closing delimiter
                good.replace("\r\n\r\n{", "\r\n{"), // no header block
                good.replace("application/json", "text/plain"))) {
            assertEquals(400, upload(bad).statusCode(), bad);
        }
        assertTrue(drive.exports().isEmpty());
    }

    @Test
    void aResumableSessionTakesOnlyChunksThatContinueWhereItStands() throws Exception {
        HttpResponse<String> started = send(
                "POST",
                "upload/drive/v3/files?uploadType=resumable",
                "application/json",
                "{\"name\":\"a.png\",\"parents\":[\"" + FakeDrive.ROOT + "\"]}",
                FakeDrive.TOKEN);
        String session = started.headers().firstValue("Location").orElseThrow();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(session)).timeout(Duration.ofSeconds(10));
        HttpResponse<String> gap = http.send(
                put.copy()
                        .header("Content-Range", "bytes 2-3/6")
                        .PUT(HttpRequest.BodyPublishers.ofString("cd"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, gap.statusCode(), "a chunk that skips bytes");
        HttpResponse<String> first = http.send(
                put.copy()
                        .header("Content-Range", "bytes 0-1/6")
                        .PUT(HttpRequest.BodyPublishers.ofString("ab"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(308, first.statusCode());
        assertEquals("bytes=0-1", first.headers().firstValue("Range").orElseThrow());
        assertTrue(drive.exports().isEmpty(), "nothing is visible before the session completes");
        HttpResponse<String> rest = http.send(
                put.copy()
                        .header("Content-Range", "bytes 2-5/6")
                        .PUT(HttpRequest.BodyPublishers.ofString("cdef"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, rest.statusCode(), rest::body);
        assertEquals(
                List.of("abcdef"),
                drive.exports().values().stream().map(String::new).toList());
    }

    @Test
    void anUpdateCannotMoveAFileByWritingItsParents() throws Exception {
        String id = drive.addForeignFile(FakeDrive.ROOT, "a.png", new byte[] {1});
        HttpResponse<String> answer = send(
                "PATCH", "drive/v3/files/" + id, "application/json", "{\"parents\":[\"elsewhere\"]}", FakeDrive.TOKEN);
        assertEquals(403, answer.statusCode());
    }

    @Test
    void quotedValuesSurviveTheQueryLanguageWhateverTheyHold() throws Exception {
        String awkward = "it's a \\ 'test' and name = 'x'";
        drive.addForeignFile(FakeDrive.ROOT, awkward, new byte[] {1});
        drive.addForeignFile(FakeDrive.ROOT, "x", new byte[] {2});
        String q = "name = " + DriveQuery.quote(awkward) + " and trashed = false";
        HttpResponse<String> answer = send(
                "GET", "drive/v3/files?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "", "", FakeDrive.TOKEN);
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals(1, answer.body().split("\"kind\":\"drive#file\"", -1).length - 1, answer::body);
    }

    @Test
    void aQueryTheStandInCannotReadIsRefusedNotIgnored() {
        assertThrows(IllegalArgumentException.class, () -> new FakeDrive.QueryParser("name contains 'x'").parse());
    }
}
