package dev.schedex.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The three engines' migrations in lock-step: every version exists for each engine, and its
 * statements are the same on all three once the engines' known differences
 * ({@link #KNOWN_DIFFERENCES}) are written one way. A column, constraint, index or statement that one
 * engine's migration has and another's lacks fails here, with its name in the message.
 */
class MigrationsInStepTest {

    private static final List<String> ENGINES = List.of("h2", "postgresql", "mariadb");

    /**
     * What may differ between the engines' migrations, each rewritten to one spelling before they are
     * compared. A new migration that needs another difference adds it here with its reason; every
     * entry must still be needed by some migration.
     */
    private static final List<KnownDifference> KNOWN_DIFFERENCES = List.of(
            new KnownDifference(
                    "mariadb",
                    "table options: InnoDB, and a binary collation so that text"
                            + " compares case- and accent-sensitively, as on the other engines",
                    "\\) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin$",
                    ")"),
            new KnownDifference(
                    "h2",
                    "a regex CHECK is REGEXP_LIKE(column, pattern)",
                    "REGEXP_LIKE\\((\\w+), ('[^']*')\\)",
                    "$1 ~ $2"),
            new KnownDifference(
                    "mariadb", "a regex CHECK is column REGEXP pattern", "(\\w+) REGEXP ('[^']*')", "$1 ~ $2"),
            new KnownDifference(
                    "mariadb",
                    "length() counts bytes on MariaDB: CHAR_LENGTH counts characters",
                    "CHAR_LENGTH\\(",
                    "length("),
            new KnownDifference("mariadb", "TRIM is in capitals", "TRIM\\(", "trim("),
            new KnownDifference(
                    "h2",
                    "long text is CHARACTER VARYING: H2's TEXT would be a CLOB",
                    "CHARACTER VARYING\\(1000000\\)",
                    "TEXT"),
            new KnownDifference(
                    "mariadb", "DROP INDEX names the table", "^DROP INDEX (\\S+) ON \\S+$", "DROP INDEX $1"),
            new KnownDifference(
                    "mariadb",
                    "NOT NULL is added by MODIFY with the column's type",
                    "^ALTER TABLE (\\S+) MODIFY (\\w+) \\w+ NOT NULL$",
                    "ALTER TABLE $1 ALTER COLUMN $2 SET NOT NULL"),
            new KnownDifference(
                    "postgresql",
                    "a fillfactor leaves room on each page for heap-only updates (V2)",
                    "^ALTER TABLE \\S+ SET \\(fillfactor = \\d+\\)$",
                    ""),
            new KnownDifference(
                    "mariadb",
                    "InnoDB will not drop a unique index that a foreign key uses: the key goes first (V7)",
                    "^ALTER TABLE \\S+ DROP FOREIGN KEY \\S+$",
                    ""),
            new KnownDifference(
                    "postgresql",
                    "retention's index is a BRIN index (V7): a run started writes no entry into it",
                    "^CREATE INDEX (\\S+) ON (\\S+) USING brin \\((\\w+)\\)$",
                    "CREATE INDEX $1 ON $2 ($3)"),
            new KnownDifference(
                    "postgresql",
                    "ids and lease tokens become UUIDs (V9), converted from their text; MariaDB keeps CHAR(36)",
                    "^ALTER TABLE \\S+ ALTER COLUMN \\w+ SET DATA TYPE UUID USING CAST\\(\\w+ AS UUID\\)$",
                    ""),
            new KnownDifference(
                    "h2",
                    "ids and lease tokens become UUIDs (V9); MariaDB keeps CHAR(36)",
                    "^ALTER TABLE \\S+ ALTER COLUMN \\w+ SET DATA TYPE UUID$",
                    ""));

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE (\\S+) \\((.*)\\)$");

    @Test
    void everyVersionHasAMigrationForEachEngine() {
        Map<String, Set<String>> files = new LinkedHashMap<>();
        ENGINES.forEach(engine -> files.put(engine, migrations(engine).keySet()));
        Set<String> all = files.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>();
        files.forEach((engine, names) -> all.stream()
                .filter(name -> !names.contains(name))
                .forEach(name -> missing.add(engine + " has no " + name)));
        assertEquals(List.of(), missing);
        assertTrue(all.contains("V1__schedules_and_runs.sql"), "the migrations are found: " + all);
    }

    @Test
    void eachVersionMakesTheSameSchemaOnEveryEngine() {
        Set<KnownDifference> used = new HashSet<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        ENGINES.forEach(engine -> texts.put(engine, migrations(engine)));
        List<String> differences = new ArrayList<>();
        Set<String> versions = texts.values().stream()
                .flatMap(files -> files.keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String version : versions) {
            Map<String, String> byEngine = new LinkedHashMap<>();
            texts.forEach((engine, files) -> byEngine.put(engine, files.getOrDefault(version, "")));
            differences.addAll(differences(version, byEngine, used));
        }
        assertEquals(List.of(), differences);
        assertEquals(Set.copyOf(KNOWN_DIFFERENCES), used, "every known difference is still needed");
    }

    @Test
    void aColumnAddedToOneEngineOnlyIsADifference() {
        Map<String, String> v1 = new LinkedHashMap<>();
        ENGINES.forEach(engine -> v1.put(engine, migrations(engine).get("V1__schedules_and_runs.sql")));
        v1.put(
                "mariadb",
                v1.get("mariadb")
                        .replace(
                                "    lease_until            BIGINT,\n",
                                "    lease_until            BIGINT,\n    lease_count            BIGINT,\n"));
        List<String> differences = differences("V1", v1, new HashSet<>());
        assertEquals(1, differences.size(), differences::toString);
        assertTrue(
                differences
                        .get(0)
                        .contains(
                                "mariadb has, h2 has not: [CREATE TABLE ${prefix}schedules:" + " lease_count BIGINT]"),
                differences.get(0));
    }

    /** What each engine's migration has that the first engine's has not, and the other way round. */
    private static List<String> differences(String version, Map<String, String> byEngine, Set<KnownDifference> used) {
        List<String> first = facts("h2", byEngine.get("h2"), used);
        List<String> differences = new ArrayList<>();
        byEngine.forEach((engine, text) -> {
            List<String> other = facts(engine, text, used);
            if (!other.equals(first)) {
                differences.add(version + ": " + engine + " has, h2 has not: " + minus(other, first) + "; h2 has, "
                        + engine + " has not: " + minus(first, other));
            }
        });
        return differences;
    }

    private static Set<String> minus(List<String> a, List<String> b) {
        Set<String> rest = new TreeSet<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    /**
     * A migration as a list of facts, in order: each statement with comments dropped, white space
     * collapsed and the known differences rewritten; a table's columns and constraints one fact each,
     * so that a difference names the column.
     */
    private static List<String> facts(String engine, String migration, Set<KnownDifference> used) {
        List<String> facts = new ArrayList<>();
        String code = migration.replaceAll("--[^\n]*", "");
        for (String raw : code.split(";")) {
            String statement = raw.replaceAll("\\s+", " ")
                    .replaceAll("\\( ", "(")
                    .replaceAll(" \\)", ")")
                    .strip();
            for (KnownDifference difference : KNOWN_DIFFERENCES) {
                if (difference.engine().equals(engine)) {
                    Matcher matcher = difference.pattern().matcher(statement);
                    if (matcher.find()) {
                        used.add(difference);
                        statement = matcher.replaceAll(difference.replacement());
                    }
                }
            }
            if (statement.isEmpty()) {
                continue;
            }
            Matcher table = CREATE_TABLE.matcher(statement);
            if (table.matches()) {
                String name = table.group(1);
                topLevelItems(table.group(2)).forEach(item -> facts.add("CREATE TABLE " + name + ": " + item));
            } else {
                facts.add(statement);
            }
        }
        return facts;
    }

    /** Splits a table's body at the commas outside parentheses and quotes. */
    private static List<String> topLevelItems(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(body.substring(start).strip());
        return items;
    }

    /** An engine's migrations by file name, as text. */
    private static Map<String, String> migrations(String engine) {
        String folder = "db/schedex/migration/" + engine;
        URL url = MigrationsInStepTest.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no " + folder + " on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (Path file : files.sorted().toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A difference the engines' migrations may have: on {@code engine}, {@code pattern} is written as {@code replacement}. */
    private record KnownDifference(String engine, String reason, Pattern pattern, String replacement) {
        KnownDifference(String engine, String reason, String regex, String replacement) {
            this(engine, reason, Pattern.compile(regex), replacement);
        }
    }
}
