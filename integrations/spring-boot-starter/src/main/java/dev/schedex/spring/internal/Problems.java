package dev.schedex.spring.internal;

import dev.schedex.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details ({@code application/problem+json}), built as maps so that they come out
 * the same under any Jackson: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, and for validation problems {@code violations}, each with {@code field},
 * {@code code} and {@code message}.
 */
public final class Problems {

    /** The media type of problem details. */
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    /**
     * @param status   the status
     * @param type     the problem's type, a URN under {@code urn:schedex:problem:}
     * @param title    a short summary of the problem type
     * @param detail   what happened this time
     * @param instance the request's path
     * @return the response builder, with its body still to set
     */
    public static Map<String, Object> body(
            HttpStatus status, String type, String title, String detail, String instance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "urn:schedex:problem:" + type);
        json.put("title", title);
        json.put("status", status.value());
        json.put("detail", detail);
        json.put("instance", instance);
        return json;
    }

    /**
     * @param status   the status
     * @param type     the problem's type
     * @param title    its summary
     * @param detail   this occurrence
     * @param instance the request's path
     * @return the response
     */
    public static ResponseEntity<Map<String, Object>> of(
            HttpStatus status, String type, String title, String detail, String instance) {
        return ResponseEntity.status(status)
                .contentType(PROBLEM_JSON)
                .body(body(status, type, title, detail, instance));
    }

    /**
     * @param violations every problem found
     * @param instance   the request's path
     * @return a 400 listing them
     */
    public static ResponseEntity<Map<String, Object>> invalid(List<Violation> violations, String instance) {
        Map<String, Object> json = body(
                HttpStatus.BAD_REQUEST,
                "validation",
                "The request is invalid",
                violations.size() == 1 ? violations.get(0).message() : violations.size() + " problems: see violations",
                instance);
        json.put(
                "violations",
                violations.stream()
                        .map(v -> Map.of("field", v.field(), "code", v.code(), "message", v.message()))
                        .toList());
        return ResponseEntity.badRequest().contentType(PROBLEM_JSON).body(json);
    }
}
