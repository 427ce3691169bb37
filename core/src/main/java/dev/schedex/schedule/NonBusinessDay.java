package dev.schedex.schedule;

/**
 * What an occurrence on a date that is not a business day does, in a schedule on a business
 * calendar ({@link Schedule#onBusinessDaysOf(String, NonBusinessDay)}). The occurrence keeps its wall
 * time; only its date moves. A date that receives several dates' occurrences runs them once (see
 * {@link Schedule.OnBusinessDays} for the rule).
 */
public enum NonBusinessDay {
    /** The occurrence is left out. */
    SKIP,
    /** It moves to the first business day after its date. */
    NEXT,
    /** It moves to the last business day before its date. */
    PREVIOUS
}
