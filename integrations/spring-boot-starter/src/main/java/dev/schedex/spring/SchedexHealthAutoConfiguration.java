package dev.schedex.spring;

import dev.schedex.ExportScheduleService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code schedex} health indicator, when Spring Boot's health support is on the class path. */
@AutoConfiguration(after = SchedexAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty(name = "schedex.enabled", matchIfMissing = true)
public class SchedexHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SchedexHealthAutoConfiguration() {}

    /**
     * @param service the service
     * @param ticker  its ticker
     * @return the health indicator, named {@code schedex} after the bean
     */
    @Bean(name = "schedexHealthIndicator")
    @ConditionalOnMissingBean(name = "schedexHealthIndicator")
    @ConditionalOnBean({ExportScheduleService.class, SchedexTicker.class})
    public SchedexHealthIndicator schedexHealthIndicator(ExportScheduleService service, SchedexTicker ticker) {
        return new SchedexHealthIndicator(service, ticker, Clock.systemUTC());
    }
}
