package dev.schedex.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schedex.ExportListener;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.jdbc.JdbiScheduleStore;
import dev.schedex.micrometer.SchedexMetrics;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.store.ScheduleStore;
import dev.schedex.spring.internal.MissingDocumentSourceFailureAnalyzer;
import dev.schedex.spring.web.ScheduleOwnerResolver;
import dev.schedex.spring.web.ScheduledExportsController;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.CountingDestination;
import dev.schedex.testing.Documents;
import dev.schedex.testing.TextFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SchedexAutoConfigurationTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(
            SchedexMetricsAutoConfiguration.class,
            SchedexAutoConfiguration.class,
            SchedexHealthAutoConfiguration.class,
            SchedexWebAutoConfiguration.class);

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues("schedex.tick.enabled=false");

    @Configuration(proxyBeanMethods = false)
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
    }

    private static NewExportSchedule daily(String destination) {
        return NewExportSchedule.builder()
                .ownerId("alice")
                .documentId("doc-1")
                .name("Nightly")
                .schedule(Schedule.daily(LocalTime.of(2, 0)))
                .zone("Europe/Berlin")
                .format("txt")
                .destination(destination, Map.of())
                .build();
    }

    @Test
    void buildsTheServiceOnTheApplicationsDataSourceWithItsFormatsAndDestinations() {
        runner.withUserConfiguration(Application.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JdbiScheduleStore.class);
            assertThat(context).hasSingleBean(SchedexTicker.class);
            ExportScheduleService service = context.getBean(ExportScheduleService.class);
            assertThat(service.formats()).containsKey("txt");
            // the migrations ran: the store takes a schedule
            ExportSchedule created = service.create(daily("counting"));
            assertThat(service.get("alice", created.id()).name()).isEqualTo("Nightly");
        });
    }

    @Test
    void aFileSystemDestinationComesFromProperties(@TempDir Path root) {
        runner.withUserConfiguration(Application.class)
                .withPropertyValues(
                        "schedex.destinations.reports.type=filesystem", "schedex.destinations.reports.root=" + root)
                .run(context -> {
                    ExportScheduleService service = context.getBean(ExportScheduleService.class);
                    ExportSchedule created = service.create(daily("reports"));
                    assertThat(created.destination().name()).isEqualTo("reports");
                    service.runNow("alice", created.id());
                    try (var files = java.nio.file.Files.walk(root)) {
                        assertThat(files.filter(java.nio.file.Files::isRegularFile))
                                .isNotEmpty();
                    }
                });
    }

    @Test
    void aDestinationOfAnotherKindInPropertiesFailsSayingToDeclareABean() {
        runner.withUserConfiguration(Application.class)
                .withPropertyValues("schedex.destinations.bucket.type=s3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("schedex.destinations.bucket.type must be 'filesystem'")
                            .hasMessageContaining("ExportDestination beans");
                });
    }

    @Test
    void schedexEnabledFalseTurnsEverythingOff() {
        runner.withUserConfiguration(Application.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("schedex.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ExportScheduleService.class);
                    assertThat(context).doesNotHaveBean(ScheduleStore.class);
                    assertThat(context).doesNotHaveBean(SchedexTicker.class);
                    assertThat(context).doesNotHaveBean(SchedexMetrics.class);
                    assertThat(context).doesNotHaveBean(SchedexHealthIndicator.class);
                });
    }

    @Test
    void aMissingDocumentSourceFailsStartUpWithAMessageSayingWhatToDeclare() {
        runner.withBean(DataSource.class, () -> new Application().dataSource()).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(MissingDocumentSourceException.class);
            FailureAnalysis analysis = new MissingDocumentSourceFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("no DocumentSource bean");
            assertThat(analysis.getAction()).contains("Declare one bean of type dev.schedex.spi.DocumentSource");
        });
    }

    @Test
    void theFailureAnalyzerIsRegisteredWithSpringBoot() throws Exception {
        var factories = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/spring.factories")) {
            factories.load(in);
        }
        assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
                .isEqualTo(MissingDocumentSourceFailureAnalyzer.class.getName());
    }

    @Test
    void theApplicationsOwnBeansReplaceTheStarters() {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        runner.withUserConfiguration(Application.class)
                .withBean(ScheduleStore.class, () -> store)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JdbiScheduleStore.class);
                    ExportScheduleService service = context.getBean(ExportScheduleService.class);
                    ExportSchedule created = service.create(daily("counting"));
                    assertThat(store.find(created.id())).isPresent();
                });
        runner.withUserConfiguration(Application.class)
                .withBean(
                        "myService",
                        ExportScheduleService.class,
                        () -> ExportScheduleService.builder()
                                .store(store)
                                .documentSource(new Documents())
                                .build())
                .run(context -> {
                    assertThat(context).hasSingleBean(ExportScheduleService.class);
                    assertThat(context).hasBean("myService");
                });
    }

    @Test
    void metricsAreBoundWhenTheApplicationHasAMeterRegistry() {
        runner.withUserConfiguration(Application.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(SchedexMetrics.class);
                    context.getBean(ExportScheduleService.class).tick();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(SchedexMetrics.TICKS).counter().count())
                            .isEqualTo(1.0);
                    assertThat(registry.find(SchedexMetrics.AUTO_PAUSED).functionCounter())
                            .isNotNull();
                });
        runner.withUserConfiguration(Application.class)
                .run(context -> assertThat(context).doesNotHaveBean(SchedexMetrics.class));
    }

    @Test
    void theHealthIndicatorReportsTheStoreAndTheLastTick() {
        runner.withUserConfiguration(Application.class).run(context -> {
            SchedexHealthIndicator indicator = context.getBean(SchedexHealthIndicator.class);
            Health before = indicator.health(true);
            assertThat(before.getStatus()).isEqualTo(Status.UP);
            assertThat(before.getDetails())
                    .containsEntry("store", "reachable")
                    .containsEntry("lastSuccessfulTick", "none yet")
                    .containsEntry("autoPausedSinceStart", 0L);
            assertThat(context.getBean(SchedexTicker.class).tickOnce()).isTrue();
            assertThat(indicator.health(true).getDetails()).containsKey("lastSuccessfulTickAge");
        });
    }

    @Test
    void theHealthIsDownWhenTheStoreCannotBeRead() {
        runner.withUserConfiguration(Application.class)
                .withPropertyValues("schedex.store.migrate=false")
                .run(context -> {
                    // without migrations the tables do not exist
                    Health health =
                            context.getBean(SchedexHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Test
    void theTickerTicksOnTheSchedulerAndStopsWithTheContext() {
        CountDownLatch ticked = new CountDownLatch(2);
        new ApplicationContextRunner()
                .withConfiguration(ALL)
                .withUserConfiguration(Application.class)
                .withBean(ExportListener.class, () -> new ExportListener() {
                    @Override
                    public void tickFinished(TickReport report) {
                        ticked.countDown();
                    }
                })
                .withPropertyValues("schedex.tick.interval=50ms")
                .run(context -> {
                    SchedexTicker ticker = context.getBean(SchedexTicker.class);
                    // two ticks: the scheduler ticks again after the first
                    assertThat(ticked.await(20, TimeUnit.SECONDS)).isTrue();
                    assertThat(ticker.isRunning()).isTrue();
                    context.stop();
                    assertThat(ticker.isRunning()).isFalse();
                    Optional<java.time.Instant> last = ticker.lastSuccessfulTick();
                    assertThat(last).isPresent();
                    // stopped: no tick runs any more, whatever the scheduler does
                    assertThat(ticker.tickOnce()).isFalse();
                    assertThat(ticker.lastSuccessfulTick()).isEqualTo(last);
                });
    }

    @Test
    void theEndpointsAreOffUnlessSchedexWebEnabled() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withConfiguration(ALL)
                .withUserConfiguration(Application.class)
                .withPropertyValues("schedex.tick.enabled=false");
        web.run(context -> assertThat(context).doesNotHaveBean(ScheduledExportsController.class));
        web.withPropertyValues("schedex.web.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(ScheduledExportsController.class);
            assertThat(context).hasSingleBean(ScheduleOwnerResolver.class);
        });
        web.withPropertyValues("schedex.web.enabled=true")
                .withBean(ScheduleOwnerResolver.class, () -> request -> Optional.of("fixed"))
                .run(context -> assertThat(context).hasSingleBean(ScheduleOwnerResolver.class));
    }

    @Test
    void configurationMetadataIsGeneratedForThePropertiesAndTheirDefaults() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json)
                    .contains("\"schedex.tick.interval\"")
                    .contains("\"schedex.shutdown.timeout\"")
                    .contains("\"schedex.store.migrate\"")
                    .contains("\"schedex.web.enabled\"")
                    .contains("\"schedex.destinations\"");
        }
    }
}
