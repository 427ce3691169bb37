package dev.schedex.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source whose connections stop coming, as when the network to the database breaks. */
final class BreakableDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);

    BreakableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** @param connections how many more connections to give before breaking */
    void breakAfter(int connections) {
        remaining.set(connections);
    }

    void repair() {
        remaining.set(Integer.MAX_VALUE);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (remaining.getAndDecrement() <= 0) {
            throw new SQLException("connection refused: the network to the database is down (simulated)", "08001");
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
