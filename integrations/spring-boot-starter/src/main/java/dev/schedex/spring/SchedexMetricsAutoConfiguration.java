package dev.schedex.spring;

import dev.schedex.ExportScheduleService;
import dev.schedex.micrometer.SchedexMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics ({@link SchedexMetrics}) when schedex-micrometer is on the class path and the
 * application has a {@link MeterRegistry}: the metrics are a listener of the service, and the
 * service's counters are bound once the context is ready.
 */
@AutoConfiguration(
        before = SchedexAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({SchedexMetrics.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "schedex.enabled", matchIfMissing = true)
public class SchedexMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SchedexMetricsAutoConfiguration() {}

    /**
     * @param registry the application's registry
     * @return the metrics, a listener the service picks up
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    public SchedexMetrics schedexMetrics(MeterRegistry registry) {
        return SchedexMetrics.create(registry);
    }

    /**
     * @param metrics  the metrics
     * @param services the service, if there is one
     * @return binds the service's counters once every singleton exists
     */
    @Bean
    @ConditionalOnBean(SchedexMetrics.class)
    public SmartInitializingSingleton schedexMetricsBinder(
            SchedexMetrics metrics, ObjectProvider<ExportScheduleService> services) {
        return () -> services.ifUnique(metrics::bind);
    }
}
