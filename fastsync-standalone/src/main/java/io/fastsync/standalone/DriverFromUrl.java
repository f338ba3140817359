package io.fastsync.standalone;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code fastsync.db.driver} from {@code fastsync.db.url}, so that pointing the server at
 * PostgreSQL takes a URL only. Its ordinal sits between the bundled defaults (100) and system
 * properties and environment variables (300, 400), so an explicit driver still wins.
 */
public class DriverFromUrl implements ConfigSource {

    static final String DRIVER = "fastsync.db.driver";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DRIVER);
    }

    @Override
    public String getValue(String name) {
        if (!DRIVER.equals(name)) {
            return null;
        }
        String url = System.getProperty("fastsync.db.url", System.getenv("FASTSYNC_DB_URL"));
        if (url == null) {
            return null;
        }
        for (Map.Entry<String, String> known : Map.of(
                        "jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource",
                        "jdbc:h2:", "org.h2.jdbcx.JdbcDataSource",
                        "jdbc:mariadb:", "org.mariadb.jdbc.MariaDbDataSource")
                .entrySet()) {
            if (url.startsWith(known.getKey())) {
                return known.getValue();
            }
        }
        return null;
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
