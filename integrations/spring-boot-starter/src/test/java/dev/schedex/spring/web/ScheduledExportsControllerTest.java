package dev.schedex.spring.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.schedex.ExportScheduleService;
import dev.schedex.calendar.BusinessCalendar;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.MutableClock;
import dev.schedex.testing.TextFormat;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ScheduledExportsControllerTest {

    private static final String DAILY = """
            {"documentId": "doc-1", "name": "Nightly",
             "schedule": {"kind": "daily", "fields": {"times": "02:00"}},
             "zone": "Europe/Berlin", "formatId": "txt",
             "destination": {"name": "counting", "parameters": {}}}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        Documents documents = new Documents();
        documents.put("alice", "doc-1", "v1");
        ExportScheduleService service = ExportScheduleService.builder()
                .store(new InMemoryScheduleStore())
                .documentSource(documents)
                .discoverFormats(false)
                .format(new TextFormat())
                .destination(new CountingDestination())
                .calendar("de-holidays", BusinessCalendar.holidays(List.of(LocalDate.of(2026, 12, 7))))
                .clock(clock)
                .build();
        mvc = MockMvcBuilders.standaloneSetup(
                        new ScheduledExportsController(service, ScheduleOwnerResolver.principalName(), clock))
                .build();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        Principal principal = () -> user;
        return request.principal(principal).contentType(MediaType.APPLICATION_JSON);
    }

    private String create(String user) throws Exception {
        String body = mvc.perform(as(user, post("/api/scheduled-exports").content(DAILY)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void createAnswers201WithTheScheduleItsLocationETagAndInstantsInUtcAndTheZonesOffset() throws Exception {
        mvc.perform(as("alice", post("/api/scheduled-exports").content(DAILY)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/scheduled-exports/")))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.ownerId").value("alice"))
                .andExpect(jsonPath("$.schedule.kind").value("daily"))
                .andExpect(jsonPath("$.schedule.fields.times").value("02:00"))
                .andExpect(jsonPath("$.schedule.description").value(containsString("02:00")))
                .andExpect(jsonPath("$.state.nextRunAt.utc").value("2026-12-02T01:00:00Z"))
                .andExpect(jsonPath("$.state.nextRunAt.local").value("2026-12-02T02:00:00+01:00"))
                .andExpect(jsonPath("$.destination.name").value("counting"));
    }

    @Test
    void noPrincipalIs401() throws Exception {
        mvc.perform(get("/api/scheduled-exports"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherOwnersScheduleIs404LikeAMissingOne() throws Exception {
        String id = create("alice");
        mvc.perform(as("bob", get("/api/scheduled-exports/" + id)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(as("bob", delete("/api/scheduled-exports/" + id))).andExpect(status().isNotFound());
        mvc.perform(as("bob", get("/api/scheduled-exports/not-a-uuid"))).andExpect(status().isNotFound());
        mvc.perform(as("alice", get("/api/scheduled-exports/" + id))).andExpect(status().isOk());
    }

    @Test
    void validationErrorsAreProblemDetailsListingEveryViolation() throws Exception {
        String bad = """
                {"documentId": "doc-1", "name": "Bad",
                 "schedule": {"kind": "daily", "fields": {"times": "25:00"}},
                 "zone": "Mars/Olympus", "formatId": "gif",
                 "destination": {"name": "counting", "parameters": {}}}""";
        mvc.perform(as("alice", post("/api/scheduled-exports").content(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:schedex:problem:validation"))
                .andExpect(jsonPath("$.violations", hasSize(3)))
                .andExpect(jsonPath("$.violations[?(@.field == 'zone')].code").value("unknown_zone"))
                .andExpect(
                        jsonPath("$.violations[?(@.field == 'formatId')].code").value("unknown_format"))
                .andExpect(
                        jsonPath("$.violations[?(@.field == 'schedule.times')]").exists());
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentETag() throws Exception {
        String id = create("alice");
        mvc.perform(as("alice", patch("/api/scheduled-exports/" + id).header("If-Match", "\"1\""))
                        .content("{\"name\": \"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(as("alice", put("/api/scheduled-exports/" + id).header("If-Match", "\"1\""))
                        .content(DAILY))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as("alice", delete("/api/scheduled-exports/" + id).header("If-Match", "\"1\"")))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void patchChangesOnlyTheFieldsItGives() throws Exception {
        String id = create("alice");
        mvc.perform(as("alice", patch("/api/scheduled-exports/" + id))
                        .content("{\"schedule\": {\"kind\": \"weekly\", \"fields\": {\"days\": [\"MON\", \"FRI\"],"
                                + " \"time\": \"03:00\"}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Nightly"))
                .andExpect(jsonPath("$.schedule.kind").value("weekly"))
                .andExpect(jsonPath("$.schedule.fields.days").value("MON,FRI"));
    }

    @Test
    void listFiltersAndPages() throws Exception {
        create("alice");
        String second = create("alice");
        mvc.perform(as("alice", post("/api/scheduled-exports/" + second + "/pause")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(as("alice", get("/api/scheduled-exports").param("active", "true")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(as("alice", get("/api/scheduled-exports").param("limit", "1")))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(as("alice", get("/api/scheduled-exports").param("format", "png")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(as("alice", get("/api/scheduled-exports").param("document", "doc-1")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(as("alice", get("/api/scheduled-exports").param("limit", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("limit"));
    }

    @Test
    void runNowRecordsARunThatTheRunsPageShows() throws Exception {
        String id = create("alice");
        mvc.perform(as("alice", post("/api/scheduled-exports/" + id + "/run")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"));
        mvc.perform(as("alice", get("/api/scheduled-exports/" + id + "/runs")))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void previewGivesTheNextRunsInTheZoneAndTheDescriptionOfAnUnsavedSchedule() throws Exception {
        mvc.perform(as("alice", post("/api/scheduled-exports/preview").param("count", "3"))
                        .content("{\"schedule\": {\"kind\": \"weekly\", \"fields\": {\"days\": \"MON,FRI\","
                                + " \"time\": \"02:00\"}}, \"zone\": \"Europe/Berlin\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value(containsString("02:00")))
                .andExpect(jsonPath("$.nextRuns", hasSize(3)))
                // 2026-12-01 is a Tuesday: Friday the 4th, Monday the 7th, Friday the 11th
                .andExpect(jsonPath("$.nextRuns[0].local").value("2026-12-04T02:00:00+01:00"))
                .andExpect(jsonPath("$.nextRuns[1].utc").value("2026-12-07T01:00:00Z"))
                .andExpect(jsonPath("$.nextRuns[2].local").value("2026-12-11T02:00:00+01:00"));
        mvc.perform(as("alice", post("/api/scheduled-exports/preview"))
                        .content("{\"schedule\": {\"kind\": \"weekly\", \"fields\": {}}, \"zone\": \"Nowhere\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[?(@.field == 'zone')]").exists());
    }

    @Test
    void previewShowsTheDatesTheHostsBusinessCalendarMovesRunsTo() throws Exception {
        String onBusinessDays = "{\"schedule\": {\"kind\": \"weekly\", \"fields\": {\"days\": \"MON\","
                + " \"time\": \"02:00\", \"calendar\": \"%s\", \"nonBusinessDay\": \"next\"}},"
                + " \"zone\": \"Europe/Berlin\"}";
        mvc.perform(as("alice", post("/api/scheduled-exports/preview").param("count", "2"))
                        .content(onBusinessDays.formatted("de-holidays")))
                .andExpect(status().isOk())
                // Monday 7 December is a holiday in the host's calendar: moved to Tuesday the 8th
                .andExpect(jsonPath("$.nextRuns[0].local").value("2026-12-08T02:00:00+01:00"))
                .andExpect(jsonPath("$.nextRuns[1].local").value("2026-12-14T02:00:00+01:00"));
        mvc.perform(as("alice", post("/api/scheduled-exports/preview"))
                        .content(onBusinessDays.formatted("fr-holidays")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("schedule.calendar"))
                .andExpect(jsonPath("$.violations[0].code").value("unknown_calendar"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemToo() throws Exception {
        mvc.perform(as("alice", post("/api/scheduled-exports").content("{not json")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
