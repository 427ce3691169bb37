package dev.schedex.jdbc;

/** The store contract on H2. */
class H2StoreTest extends JdbcStoreContract {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
