package dev.schedex.spring;

import dev.schedex.ExportListener;
import dev.schedex.ExportScheduleService;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.jdbc.JdbiScheduleStore;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportFormat;
import dev.schedex.spi.store.ScheduleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;

/**
 * The service on the application's {@link DataSource}: a {@link JdbiScheduleStore}, the formats on
 * the class path, the destinations among the beans and in {@code schedex.destinations.*}, the
 * application's {@link DocumentSource}, and a {@link SchedexTicker} that ticks on Spring's scheduler.
 * {@code schedex.enabled=false} turns it off; every bean gives way to one of the application's.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "schedex.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SchedexProperties.class)
public class SchedexAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SchedexAutoConfiguration() {}

    /**
     * @param dataSource the application's data source
     * @param properties the {@code schedex.store.*} properties
     * @return the JDBC store, migrated unless {@code schedex.store.migrate=false}
     */
    @Bean
    @ConditionalOnMissingBean(ScheduleStore.class)
    @ConditionalOnBean(DataSource.class)
    public JdbiScheduleStore schedexScheduleStore(DataSource dataSource, SchedexProperties properties) {
        JdbiScheduleStore.Builder builder = JdbiScheduleStore.builder(dataSource)
                .tablePrefix(properties.store().tablePrefix());
        String schema = properties.store().schema();
        if (schema != null && !schema.isBlank()) {
            builder.schema(schema);
        }
        JdbiScheduleStore store = builder.build();
        if (properties.store().migrate()) {
            store.migrate();
        }
        return store;
    }

    /**
     * @param store        the store
     * @param documents    the application's document source; required
     * @param formats      the application's formats, beside those found on the class path (a bean
     *                     replaces a found one with the same id)
     * @param destinations the application's destinations
     * @param listeners    the application's listeners (and the metrics, when bound)
     * @param properties   the {@code schedex.*} properties
     * @return the service
     * @throws MissingDocumentSourceException if the application has no {@link DocumentSource} bean
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ScheduleStore.class)
    public ExportScheduleService exportScheduleService(
            ScheduleStore store,
            ObjectProvider<DocumentSource> documents,
            ObjectProvider<ExportFormat> formats,
            ObjectProvider<ExportDestination> destinations,
            ObjectProvider<ExportListener> listeners,
            SchedexProperties properties) {
        DocumentSource source = documents.getIfUnique();
        if (source == null) {
            throw new MissingDocumentSourceException();
        }
        ExportScheduleService.Builder builder = ExportScheduleService.builder()
                .store(store)
                .documentSource(source)
                .leaseLength(properties.leaseLength())
                .batchSize(properties.batchSize())
                .pauseAfterConsecutiveFailures(properties.pauseAfterConsecutiveFailures())
                .misfireGrace(properties.misfireGrace());
        properties.hostNameIfSet().ifPresent(builder::hostName);
        properties.runRetentionIfSet().ifPresent(builder::runRetention);
        formats.orderedStream().forEach(builder::format);
        destinations.orderedStream().forEach(builder::destination);
        properties.destinationsByName().forEach((name, spec) -> builder.destination(fromProperties(name, spec)));
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }

    /**
     * @param service    the service
     * @param schedulers the application's task scheduler, if it has exactly one
     * @param properties the {@code schedex.tick.*} and {@code schedex.shutdown.*} properties
     * @return the ticker, started and stopped with the application context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ExportScheduleService.class)
    public SchedexTicker schedexTicker(
            ExportScheduleService service, ObjectProvider<TaskScheduler> schedulers, SchedexProperties properties) {
        return new SchedexTicker(
                service,
                schedulers.getIfUnique(),
                properties.tick().enabled(),
                properties.tick().interval(),
                properties.shutdown().timeout());
    }

    private static ExportDestination fromProperties(String name, SchedexProperties.Destination spec) {
        String type = spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
        if (!type.equals("filesystem")) {
            throw new IllegalStateException("schedex.destinations." + name + ".type must be 'filesystem', was '"
                    + type + "'; the starter builds only the file-system destination from properties: declare"
                    + " other destinations (S3, e-mail, webhooks and the rest, in their own modules) as"
                    + " ExportDestination beans");
        }
        Path root = spec.root();
        if (root == null) {
            throw new IllegalStateException("schedex.destinations." + name + ".root is required for a"
                    + " file-system destination: the folder the exports are written under");
        }
        try {
            return new FileSystemDestination(name, root);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "schedex.destinations." + name + ": cannot use " + root + " as the destination's folder", e);
        }
    }
}
