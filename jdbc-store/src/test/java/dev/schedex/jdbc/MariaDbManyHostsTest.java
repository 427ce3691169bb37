package dev.schedex.jdbc;

/** Four hosts on one MariaDB database. */
class MariaDbManyHostsTest extends ManyHostsContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
