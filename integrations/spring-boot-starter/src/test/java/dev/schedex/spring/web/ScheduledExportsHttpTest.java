package dev.schedex.spring.web;

import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.TextFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The REST endpoints over real HTTP on a random port, with the starter's auto-configuration on H2. */
@SpringBootTest(
        classes = ScheduledExportsHttpTest.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"schedex.web.enabled=true", "schedex.tick.enabled=false", "server.address=127.0.0.1"})
class ScheduledExportsHttpTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
        @Bean
        DataSource dataSource() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }

        @Bean
        Documents documents() {
            Documents documents = new Documents();
            documents.put("alice", "doc-1", "v1");
            documents.put("bob", "doc-1", "v1");
            return documents;
        }

        @Bean
        TextFormat textFormat() {
            return new TextFormat();
        }

        @Bean
        CountingDestination countingDestination() {
            return new CountingDestination();
        }

        @Bean
        BasicAuthFilter basicAuthFilter() {
            return new BasicAuthFilter();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theOriginalProductsFlowAndTwoUsersWhoNeverSeeEachOthersSchedules() throws Exception {
        ScheduledExportsFlow flow = new ScheduledExportsFlow(
                "http://127.0.0.1:" + port, "doc-1", "txt", "{\"name\": \"counting\", \"parameters\": {}}");
        flow.run();
        flow.runNowSucceeds();
    }
}
