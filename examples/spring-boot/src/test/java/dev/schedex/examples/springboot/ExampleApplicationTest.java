package dev.schedex.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schedex.spring.web.ScheduledExportsFlow;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example as it runs, on H2 and a random port: the product's flow, health and metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheScheduledExportsFlowOnH2() throws Exception {
        ScheduledExportsFlow flow =
                new ScheduledExportsFlow("http://127.0.0.1:" + port, "floor-plan", "md", ExampleFlow.EXPORTS);
        ExampleFlow.run(flow);
        ScheduledExportsFlow.Response health = flow.call("", "GET", "/actuator/health", "");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.<String>json("$.components.schedex.status")).isEqualTo("UP");
        assertThat(health.<String>json("$.components.schedex.details.store")).isEqualTo("reachable");
        ScheduledExportsFlow.Response runs = flow.call("", "GET", "/actuator/metrics/schedex.runs", "");
        assertThat(runs.status()).as(runs.body()).isEqualTo(200);
        assertThat(runs.<Double>json("$.measurements[0].value")).isEqualTo(1.0);
    }
}
