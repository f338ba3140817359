package io.fastsync.standalone;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain data source over a JDBC driver in the application: connections from the driver that
 * accepts the URL, for the URL, user and password that the container sets. The standalone
 * server uses it for MariaDB, whose own data source classes are XA data sources only: the
 * container then runs every transaction as XA, and MariaDB refuses DDL (the schema migration) in
 * an XA transaction. A driver given as a {@code java.sql.Driver} class is loaded by the server's
 * class loader, which does not see the application's drivers; this class is the application's.
 */
public class LocalDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    /** The driver that accepts {@link #url}, once found. */
    private volatile Driver driver;

    public void setUrl(String url) {
        this.url = url;
        this.driver = null;
    }

    /** The same as {@link #setUrl}, for containers that set {@code URL}. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** @return the password set, for a subclass that fills in what the container left out */
    String password() {
        return password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (url == null) {
            throw new SQLException("no URL is set");
        }
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        info.setProperty("password", pass == null ? "" : pass);
        return driver().connect(url, info);
    }

    /**
     * @return the application's driver for the URL, found with this class's loader: the
     *         {@link java.sql.DriverManager} registry holds the drivers its own loader saw
     */
    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            for (Driver d : ServiceLoader.load(Driver.class, LocalDataSource.class.getClassLoader())) {
                if (d.acceptsURL(url)) {
                    found = d;
                    break;
                }
            }
            if (found == null) {
                throw new SQLException("no JDBC driver in the application accepts " + url);
            }
            driver = found;
        }
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
