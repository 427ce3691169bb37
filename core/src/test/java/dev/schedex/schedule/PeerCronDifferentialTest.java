package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Compares cron results with Spring's {@code CronExpression} and cron-utils in zones without daylight
 * saving, where the calendar logic of each can serve as an oracle for ours. (Across DST transitions
 * the three differ on purpose; see docs/schedules.md.)
 */
class PeerCronDifferentialTest {

    private static final NextRunCalculator CALCULATOR = NextRunCalculator.create();
    private static final CronParser CRON_UTILS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final long FROM = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<String> expressions() {
        return ReferenceSchedules.plainCron();
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Property(tries = 1500)
    void agreesWithSpring(
            @ForAll("expressions") String cron, @ForAll("zones") ZoneId zone, @ForAll("instants") Instant after) {
        ZonedDateTime spring = org.springframework.scheduling.support.CronExpression.parse("0 " + cron)
                .next(after.atZone(zone));
        assertEquals(
                Optional.ofNullable(spring).map(ZonedDateTime::toInstant),
                CALCULATOR.next(Schedule.cron(cron), zone, after),
                () -> cron + " in " + zone + " after " + after);
    }

    @Property(tries = 1500)
    void agreesWithCronUtils(
            @ForAll("expressions") String cron, @ForAll("zones") ZoneId zone, @ForAll("instants") Instant after) {
        Optional<ZonedDateTime> cronUtils =
                ExecutionTime.forCron(CRON_UTILS.parse(cron)).nextExecution(after.atZone(zone));
        assertEquals(
                cronUtils.map(ZonedDateTime::toInstant),
                CALCULATOR.next(Schedule.cron(cron), zone, after),
                () -> cron + " in " + zone + " after " + after);
    }
}
