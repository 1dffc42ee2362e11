package com.acme.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Connection pools for the nightly jobs. */
public final class DataSourceFactory {

    private static final String WAREHOUSE_URL = "jdbc:postgresql://warehouse.internal.example.com:5432/dw";
    private static final String PASSWORD_PROPERTY = "warehouse.password";

    private DataSourceFactory() {
    }

    public static DataSource warehouse() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(WAREHOUSE_URL);
        config.setUsername("etl_nightly");
        config.setPassword("{{rand:18:pw}}");{{expect:generic-password}}
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    public static DataSource reporting(String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://reporting.internal.example.com:3306/reports?user=reports&password={{rand:16}}");{{expect:jdbc-connection-string}}
        config.setPassword(password != null ? password : System.getProperty(PASSWORD_PROPERTY));
        return new HikariDataSource(config);
    }
}
