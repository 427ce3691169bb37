package dev.schedex.jdbc;

/** Four hosts on one Postgres database. */
class PostgresManyHostsTest extends ManyHostsContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
