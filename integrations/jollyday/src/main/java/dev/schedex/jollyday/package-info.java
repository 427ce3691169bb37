/**
 * Business calendars of public holidays by country and region, from Jollyday: {@link
 * dev.schedex.jollyday.PublicHolidays}. The rules of {@link dev.schedex} hold: no nulls in or out.
 */
package dev.schedex.jollyday;
