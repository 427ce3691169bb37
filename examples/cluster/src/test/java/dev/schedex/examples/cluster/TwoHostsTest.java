package dev.schedex.examples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TwoHostsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void twoHostsRunEveryOccurrenceOnceAndShareTheWork() throws Exception {
        try (var connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.isValid(2);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI requires PostgreSQL on 127.0.0.1:5432", e);
            }
            Assumptions.abort("no PostgreSQL on 127.0.0.1:5432 (start one as docs/stores.md says): " + e.getMessage());
        }
        TwoHosts.Outcome outcome = TwoHosts.run(URL, "postgres");
        assertEquals(600, outcome.occurrences(), "200 daily schedules over three days");
        assertEquals(600, outcome.runs(), "one run per occurrence");
        assertEquals(0, outcome.duplicates(), "no occurrence delivered twice");
        assertTrue(
                outcome.runsByHost().getOrDefault("host-a", 0) > 0
                        && outcome.runsByHost().getOrDefault("host-b", 0) > 0,
                "both hosts did some of the work: " + outcome.runsByHost());
    }
}
