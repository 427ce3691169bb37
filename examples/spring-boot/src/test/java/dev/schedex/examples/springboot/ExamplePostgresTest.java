package dev.schedex.examples.springboot;

import static org.junit.jupiter.api.Assertions.fail;

import dev.schedex.spring.web.ScheduledExportsFlow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same flow against the PostgreSQL on 127.0.0.1:5432 (user postgres, database test), in a schema
 * of its own that the starter's migrations create and this test drops. Under CI=true it must run: an
 * unreachable server fails it; elsewhere an unreachable server skips it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExamplePostgresTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA =
            "schedex_example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @LocalServerPort
    int port;

    @BeforeAll
    static void postgresIsThere() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at " + URL + " is not reachable, and under CI this test must run: " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL at " + URL + " is not reachable: " + e.getMessage());
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("schedex.store.schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void servesTheScheduledExportsFlowOnPostgres() throws Exception {
        ExampleFlow.run(new ScheduledExportsFlow("http://127.0.0.1:" + port, "floor-plan", "md", ExampleFlow.EXPORTS));
    }
}
