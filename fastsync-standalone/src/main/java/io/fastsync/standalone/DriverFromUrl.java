package io.fastsync.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code fastsync.db.driver} from {@code fastsync.db.url}, so that pointing the server at
 * PostgreSQL takes a URL only. Its ordinal sits between the bundled defaults (100) and system
 * properties and environment variables (300, 400), so an explicit driver still wins.
 *
 * <p>The table of drivers is {@code config/jdbc-drivers.properties}, which {@code bin/fastsync-server}
 * reads too. The URL is read from the two sources that rank above this one, in their order: a
 * config source cannot ask MicroProfile Config while Config is being built.
 */
public class DriverFromUrl implements ConfigSource {

    static final String DRIVER = "fastsync.db.driver";
    static final String URL = "fastsync.db.url";

    private final Properties drivers;

    public DriverFromUrl() {
        drivers = new Properties();
        try (InputStream in = DriverFromUrl.class.getResourceAsStream("jdbc-drivers.properties")) {
            if (in == null) {
                throw new IllegalStateException("jdbc-drivers.properties is missing from fastsync-standalone");
            }
            drivers.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DRIVER);
    }

    @Override
    public String getValue(String name) {
        return DRIVER.equals(name) ? driverFor(System.getProperty(URL, System.getenv("FASTSYNC_DB_URL"))) : null;
    }

    /** @return the data source class for a JDBC URL, or null when the URL is null or of a kind not in the table */
    String driverFor(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            return null;
        }
        int end = url.indexOf(':', "jdbc:".length());
        return end < 0 ? null : drivers.getProperty(url.substring("jdbc:".length(), end));
    }

    @Override
    public int getOrdinal() {
        return 200;
    }

    @Override
    public String getName() {
        return "FastSync driver from fastsync.db.url";
    }
}
