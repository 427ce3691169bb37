package dev.schedex.examples.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportRun;
import dev.schedex.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example and checks what it left in the bucket. */
class S3ExampleTest {

    @Test
    void tenNightsOfPngsLeaveTheNewestFiveInTheBucket() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        S3Example.Result result = S3Example.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        assertEquals(10, result.runs().size(), report);
        assertTrue(result.runs().stream().allMatch(run -> run.status() == RunStatus.SUCCEEDED), report);
        List<String> pngs = result.objects().keySet().stream()
                .filter(key -> key.endsWith(".png"))
                .toList();
        // the last five nights, in Berlin's dates, under the host's prefix
        List<String> expected = result.runs().subList(5, 10).stream()
                .map(ExportRun::location)
                .map(location -> location.orElseThrow())
                .sorted()
                .toList();
        assertEquals(expected, pngs, report);
        assertTrue(pngs.get(0).startsWith("schedex/release-flow/2026-12-"), report);
        assertTrue(
                pngs.stream().allMatch(key -> "image/png".equals(result.types().get(key))), report);
        assertTrue(pngs.stream().allMatch(key -> result.objects().get(key) > 100), report);
        assertEquals(6, result.objects().size(), "five PNGs and the keep-last-N index: " + report);
        assertTrue(report.contains("objects in s3://reports:"), report);
    }
}
