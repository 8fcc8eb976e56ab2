package de.allmende.db;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections opened beside the pool, for listeners that hold one for as long as they run: a pooled one would take a
 * place from the requests for good, and ending its blocked read at close would leave the pool a broken connection to
 * warn about.
 */
public final class BesideThePool {
    private BesideThePool() {}

    /** A connection of its own, named {@code applicationName} (how operators and tests find it in pg_stat_activity). */
    static Connection open(String url, String user, String password, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, properties);
    }

    /** One beside the node's pool where {@code dataSource} is that pool; any other data source lends one. */
    public static Connection open(DataSource dataSource, String applicationName) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) return dataSource.getConnection();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return open(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), applicationName);
    }
}
