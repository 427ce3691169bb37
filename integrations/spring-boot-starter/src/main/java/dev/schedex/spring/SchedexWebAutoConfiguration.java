package dev.schedex.spring;

import dev.schedex.ExportScheduleService;
import dev.schedex.spring.web.ScheduleOwnerResolver;
import dev.schedex.spring.web.ScheduledExportsController;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The REST endpoints under {@code /api/scheduled-exports}, in a servlet web application with
 * Spring MVC, when {@code schedex.web.enabled=true}.
 */
@AutoConfiguration(after = SchedexAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "schedex.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "schedex.web.enabled")
public class SchedexWebAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public SchedexWebAutoConfiguration() {}

    /** @return the default owner resolver: the authenticated principal's name */
    @Bean
    @ConditionalOnMissingBean
    public ScheduleOwnerResolver scheduleOwnerResolver() {
        return ScheduleOwnerResolver.principalName();
    }

    /**
     * @param service the service
     * @param owners  the owner resolver
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ExportScheduleService.class)
    public ScheduledExportsController scheduledExportsController(
            ExportScheduleService service, ScheduleOwnerResolver owners) {
        return new ScheduledExportsController(service, owners, Clock.systemUTC());
    }
}
