package dev.schedex.jdbc;

/** The store contract on MariaDB. */
class MariaDbStoreTest extends JdbcStoreContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
