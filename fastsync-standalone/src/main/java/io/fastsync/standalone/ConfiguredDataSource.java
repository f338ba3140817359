package io.fastsync.standalone;

import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A {@link LocalDataSource} that reads its URL, user and password from MicroProfile Config
 * ({@code fastsync.db.url}, {@code fastsync.db.user}, {@code fastsync.db.password}) wherever the
 * container set none. It serves the servers that expand no placeholders in a data source
 * definition, WildFly among them: the definition then names this class and nothing else, and the
 * standalone server keeps its configuration keys there. The driver is the application's driver
 * that accepts the URL; {@code fastsync.db.driver} has no part in it.
 *
 * <p>The configuration is the application's: it is asked for with this class's loader, since a
 * connection may be opened on a thread of the server's pool whose context loader is not the
 * application's.
 */
public class ConfiguredDataSource extends LocalDataSource {

    private volatile boolean configured;
    private String settings = "fastsync.db";

    /**
     * Sets the prefix of the configuration keys, {@code fastsync.db} unless set: the keys read are
     * {@code <prefix>.url}, {@code <prefix>.user} and {@code <prefix>.password}. A definition may
     * name it as its one property, for servers that refuse a definition with none (WildFly).
     */
    public void setSettings(String prefix) {
        this.settings = prefix;
        this.configured = false;
    }

    public String getSettings() {
        return settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        configure();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        configure();
        // A pool that knows no user asks with none, or with an empty one: the configured one is meant.
        return username == null || username.isEmpty()
                ? super.getConnection(getUser(), password())
                : super.getConnection(username, pass);
    }

    private void configure() {
        if (configured) {
            return;
        }
        synchronized (this) {
            if (configured) {
                return;
            }
            Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
            if (getUrl() == null) {
                config.getOptionalValue(settings + ".url", String.class).ifPresent(this::setUrl);
            }
            if (getUser() == null) {
                config.getOptionalValue(settings + ".user", String.class).ifPresent(this::setUser);
                String password = settings + ".password";
                if (setEmpty(password)) {
                    setPassword("");
                } else {
                    config.getOptionalValue(password, String.class).ifPresent(this::setPassword);
                }
            }
            configured = true;
        }
    }

    /**
     * Whether the key is set, empty, as a system property or an environment variable (under the
     * names MicroProfile Config looks for: as it is, with {@code _} for what is not a letter or
     * digit, and that in upper case). MicroProfile Config reads an empty value as no value and
     * would answer with the default instead; for a password, set empty means none.
     */
    static boolean setEmpty(String key) {
        String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
        return "".equals(System.getProperty(key))
                || "".equals(System.getenv(key))
                || "".equals(System.getenv(underscored))
                || "".equals(System.getenv(underscored.toUpperCase(java.util.Locale.ROOT)));
    }
}
