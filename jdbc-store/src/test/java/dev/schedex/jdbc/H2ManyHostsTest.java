package dev.schedex.jdbc;

/** Four hosts on one H2 database. */
class H2ManyHostsTest extends ManyHostsContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
