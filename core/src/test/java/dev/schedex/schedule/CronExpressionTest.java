package dev.schedex.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ValidationException;
import dev.schedex.Violation;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    /** The matches of an expression on the local calendar, from a start, one after another. */
    private static List<String> matches(String expression, String after, int count) {
        CronExpression cron = CronExpression.parse(expression);
        List<String> result = new ArrayList<>();
        LocalDateTime cursor = LocalDateTime.parse(after);
        for (int i = 0; i < count; i++) {
            cursor = cron.nextLocal(cursor);
            result.add(cursor.toString());
        }
        return result;
    }

    @Test
    void fiveFieldExpressionsFireAtSecondZero() {
        assertEquals(List.of("2024-01-01T02:00", "2024-01-02T02:00"), matches("0 2 * * *", "2024-01-01T00:00", 2));
    }

    @Test
    void sixFieldExpressionsReadSecondsFirst() {
        assertEquals(
                List.of("2024-01-01T00:00:15", "2024-01-01T00:00:45", "2024-01-01T00:01:15"),
                matches("15,45 * * * * *", "2024-01-01T00:00", 3));
    }

    @Test
    void rangesStepsAndListsCombine() {
        assertEquals(
                List.of("2024-01-01T09:10", "2024-01-01T09:30", "2024-01-01T09:50", "2024-01-01T11:10"),
                matches("10-50/20 9,11 * * *", "2024-01-01T00:00", 4));
        assertEquals(
                List.of("2024-01-01T00:05", "2024-01-01T00:25", "2024-01-01T00:45", "2024-01-01T01:05"),
                matches("5/20 * * * *", "2024-01-01T00:00", 4));
    }

    @Test
    void monthAndDayNamesAreCaseInsensitiveAndSevenIsSunday() {
        assertEquals(
                CronExpression.parse("0 0 * jan sun").nextLocal(LocalDateTime.parse("2024-01-01T00:00")),
                CronExpression.parse("0 0 * 1 7").nextLocal(LocalDateTime.parse("2024-01-01T00:00")));
        assertEquals(List.of("2024-01-07T00:00", "2024-01-14T00:00"), matches("0 0 * JAN 7", "2024-01-01T00:00", 2));
        assertEquals(
                List.of("2024-01-05T00:00", "2024-01-06T00:00", "2024-01-07T00:00", "2024-01-12T00:00"),
                matches("0 0 * * FRI-7", "2024-01-01T00:00", 4));
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMatchEither() {
        // 2024-01: the 13th is a Saturday; Fridays are the 5th, 12th, 19th, 26th
        assertEquals(
                List.of("2024-01-05T00:00", "2024-01-12T00:00", "2024-01-13T00:00", "2024-01-19T00:00"),
                matches("0 0 13 * FRI", "2024-01-01T00:00", 4));
    }

    @Test
    void aDayFieldStartingWithAStarMakesBothDayFieldsMatch() {
        // Vixie cron: when a day field starts with *, both must match, so */2 with FRI means "odd days that are
        // Fridays"
        assertEquals(
                List.of("2024-01-05T00:00", "2024-01-19T00:00", "2024-02-09T00:00"),
                matches("0 0 */2 * FRI", "2024-01-01T00:00", 3));
        assertEquals(matches("0 0 ? * FRI", "2024-01-01T00:00", 3), matches("0 0 * * FRI", "2024-01-01T00:00", 3));
    }

    @Test
    void lastDayAndOffsetsFromIt() {
        assertEquals(
                List.of("2024-01-31T00:00", "2024-02-29T00:00", "2024-03-31T00:00", "2024-04-30T00:00"),
                matches("0 0 L * *", "2024-01-01T00:00", 4));
        assertEquals(List.of("2023-01-28T00:00", "2023-02-25T00:00"), matches("0 0 L-3 * *", "2023-01-01T00:00", 2));
    }

    @Test
    void lastWeekdayAndNearestWeekdayStayInTheMonth() {
        // 2024-03-31 is a Sunday, 2024-08-31 a Saturday
        assertEquals(List.of("2024-03-29T00:00", "2024-04-30T00:00"), matches("0 0 LW * *", "2024-03-01T00:00", 2));
        assertEquals(List.of("2024-08-30T00:00"), matches("0 0 LW AUG *", "2024-01-01T00:00", 1));
        // 2024-06-01 is a Saturday: 1W moves forward to Monday the 3rd, not back into May
        assertEquals(List.of("2024-06-03T00:00"), matches("0 0 1W JUN *", "2024-01-01T00:00", 1));
        // 2024-06-15 is a Saturday: Friday the 14th; 2024-09-15 is a Sunday: Monday the 16th
        assertEquals(List.of("2024-06-14T00:00"), matches("0 0 15W JUN *", "2024-01-01T00:00", 1));
        assertEquals(List.of("2024-09-16T00:00"), matches("0 0 15W SEP *", "2024-01-01T00:00", 1));
        // 2024-06-30 is a Sunday: 30W goes back to Friday the 28th
        assertEquals(List.of("2024-06-28T00:00"), matches("0 0 30W JUN *", "2024-01-01T00:00", 1));
        // no 31st in June: 31W never fires in June
        assertEquals(List.of("2024-07-31T00:00"), matches("0 0 31W JUN,JUL *", "2024-01-01T00:00", 1));
    }

    @Test
    void lastAndNthWeekdayOfTheMonth() {
        assertEquals(
                List.of("2024-01-26T00:00", "2024-02-23T00:00", "2024-03-29T00:00"),
                matches("0 0 * * 5L", "2024-01-01T00:00", 3));
        assertEquals(List.of("2024-01-08T00:00", "2024-02-12T00:00"), matches("0 0 * * MON#2", "2024-01-01T00:00", 2));
        // a fifth Thursday exists only in some months: Feb 2024 has 29 days and starts on a Thursday
        assertEquals(List.of("2024-02-29T00:00", "2024-05-30T00:00"), matches("0 0 * * THU#5", "2024-01-31T00:00", 2));
    }

    @Test
    void leapDayOnlyInLeapYearsAndNotIn2100() {
        assertEquals(List.of("2028-02-29T00:00", "2032-02-29T00:00"), matches("0 0 29 FEB *", "2024-03-01T00:00", 2));
        assertEquals(List.of("2096-02-29T00:00", "2104-02-29T00:00"), matches("0 0 29 2 *", "2095-01-01T00:00", 2));
    }

    @Test
    void anExpressionThatCanNeverMatchSaysSoAtOnce() {
        for (String never : List.of("0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 31 FEB *", "0 0 L-30 2 *")) {
            CronExpression cron = CronExpression.parse(never);
            assertFalse(cron.canMatch(), never);
            assertNull(cron.nextLocal(LocalDateTime.parse("2024-01-01T00:00")), never);
        }
        assertTrue(CronExpression.parse("0 0 30 2 MON").canMatch(), "either day field may match");
        assertTrue(CronExpression.parse("0 0 29 2 *").canMatch());
    }

    @Test
    void macrosStandForTheirExpressions() {
        String start = "2024-05-15T10:30";
        assertEquals(matches("0 0 1 1 *", start, 2), matches("@yearly", start, 2));
        assertEquals(matches("0 0 1 1 *", start, 2), matches("@annually", start, 2));
        assertEquals(matches("0 0 1 * *", start, 2), matches("@monthly", start, 2));
        assertEquals(matches("0 0 * * 0", start, 2), matches("@weekly", start, 2));
        assertEquals(matches("0 0 * * *", start, 2), matches("@daily", start, 2));
        assertEquals(matches("0 0 * * *", start, 2), matches("@midnight", start, 2));
        assertEquals(matches("0 * * * *", start, 2), matches("@hourly", start, 2));
    }

    @Test
    void canonicalTextCollapsesSpacesAndUpperCasesNames() {
        CronExpression cron = CronExpression.parse("  0   9-17 *  * mon-fri ");
        assertEquals("0 9-17 * * MON-FRI", cron.toString());
        assertEquals(cron, CronExpression.parse(cron.toString()));
        assertEquals(cron.hashCode(), CronExpression.parse("0 9-17 * * MON-FRI").hashCode());
        assertEquals("@daily", CronExpression.parse("@DAILY").toString());
        assertNotEquals(CronExpression.parse("0 0 * * *"), CronExpression.parse("@daily"));
    }

    @Test
    void fixedTimesAreTheOnesWithoutStarsOrSteps() {
        assertTrue(CronExpression.parse("30 2 * * *").hasFixedTimes());
        assertTrue(CronExpression.parse("0,30 9-17 * * *").hasFixedTimes());
        assertFalse(CronExpression.parse("*/30 2 * * *").hasFixedTimes());
        assertFalse(CronExpression.parse("0 * * * *").hasFixedTimes());
        assertFalse(CronExpression.parse("* 0 2 * * *").hasFixedTimes());
        assertFalse(CronExpression.parse("0 0/2 * * *").hasFixedTimes());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 9-17 * * MON-FRI | At minute 0 past every hour from 9 through 17 on Monday through Friday",
                "0 2 * * *          | At 02:00",
                "30 8,17 * * *      | At 08:30 and 17:30",
                "0 0 L * *          | At 00:00 on the last day of the month",
                "0 23 L * *         | At 23:00 on the last day of the month",
                "0 0 * * 5L         | At 00:00 on the last Friday of the month",
                "0 9 * * MON#2      | At 09:00 on the second Monday of the month",
                "*/15 * * * *       | At every 15th minute",
                "0 */2 * * *        | At minute 0 past every 2nd hour",
                "* 9 * * *          | At every minute past hour 9",
                "@hourly            | At minute 0 past every hour",
                "0 0 1,15 * *       | At 00:00 on day 1 and 15 of the month",
                "0 0 13 * FRI       | At 00:00 on day 13 of the month, or on Friday",
                "0 6 * JAN-MAR MON,FRI | At 06:00 on Monday and Friday in January through March",
                "0 0 15W * *        | At 00:00 on the weekday nearest day 15 of the month",
                "0 0 LW * *         | At 00:00 on the last weekday of the month",
                "*/10 * * * * *     | At every 10th second",
                "30 0 2 * * *       | At 02:00:30",
                "0 0 */2 * FRI      | At 00:00 on every 2nd day of the month, when that is Friday",
            })
    void describesItselfInWords(String expression, String description) {
        assertEquals(description, CronExpression.parse(expression).describe());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 75 * * *      | cron.out_of_range  | 3  | hour value 75",
                "60 * * * *      | cron.out_of_range  | 1  | minute value 60",
                "0 0 0 * *       | cron.out_of_range  | 5  | day-of-month value 0",
                "0 0 * 13 *      | cron.out_of_range  | 7  | month value 13",
                "0 0 * * 8       | cron.out_of_range  | 9  | day-of-week value 8",
                "0 0 * * 0#6     | cron.out_of_range  | 11 | week number",
                "*/0 * * * *     | cron.step          | 3  | step 0",
                "0 0 * FOO *     | cron.unknown_name  | 7  | 'FOO'",
                "0 0 * * MONDAY  | cron.unknown_name  | 9  | 'MONDAY'",
                "0 0 *           | cron.field_count   | 1  | found 3",
                "0 0 * * * * *   | cron.field_count   | 1  | found 7",
                "@often          | cron.unknown_macro | 1  | '@often'",
                "0 17-9 * * *    | cron.range_order   | 3  | '17-9'",
                "0 0 * * L       | cron.syntax        | 9  | ambiguous",
                "0 0 1,,2 * *    | cron.syntax        | 7  | empty",
                "a * * * *       | cron.unknown_name  | 1  | 'A'",
                "0 1-x * * *     | cron.unknown_name  | 5  | 'X'",
                "? * * * *       | cron.syntax        | 1  | '?'",
            })
    void rejectsBadInputNamingFieldCodeAndPosition(String expression, String code, int position, String detail) {
        ValidationException error = assertThrows(ValidationException.class, () -> CronExpression.parse(expression));
        assertEquals(1, error.violations().size());
        Violation violation = error.violations().get(0);
        assertEquals("cron", violation.field());
        assertEquals(code, violation.code());
        assertTrue(violation.message().contains("(at position " + position + ")"), violation.message());
        assertTrue(violation.message().contains(detail), violation.message());
    }

    @Test
    void rejectsAnEmptyExpression() {
        ValidationException error = assertThrows(ValidationException.class, () -> CronExpression.parse("   "));
        assertEquals("cron.empty", error.violations().get(0).code());
    }
}
