package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each dialect names statements that exist and spells every value the statements leave to it. */
class DialectTest {

    private static final ClasspathSqlLocator STATEMENTS = ClasspathSqlLocator.removingComments();

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatementADialectNamesIsOnTheClasspath(Dialect dialect) {
        assertFalse(locate(dialect.claimDue()).isBlank());
        dialect.claimSetting().ifPresent(name -> assertFalse(locate(name).isBlank()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyDialectSpellsTheSameDefines(Dialect dialect) {
        assertEquals(
                Set.of("true", "false", "boolean", "currentMillis"),
                dialect.defines().keySet());
    }

    private static String locate(String name) {
        return assertDoesNotThrow(() -> STATEMENTS.locate(JdbiScheduleStore.class, name), name);
    }
}
