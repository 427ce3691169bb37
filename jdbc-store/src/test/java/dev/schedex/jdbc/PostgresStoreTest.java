package dev.schedex.jdbc;

/** The store contract on Postgres. */
class PostgresStoreTest extends JdbcStoreContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
