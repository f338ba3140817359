package io.fastsync.server;

import io.fastsync.admin.SchemaVersions;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.conflict.ConflictResolver;
import io.fastsync.conflict.ConflictStrategy;
import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.document.DocumentDataSource;
import io.fastsync.document.SyncDocument;
import io.fastsync.registry.SyncTypeRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The standalone sync server: the document types it serves (from {@code fastsync.types}), and a start-up log that
 * says which database, which schema version and which types. It starts after the schema
 * migration, because its first step asks the migration for the version.
 */
@Singleton
@Startup
public class StandaloneServer {

    private static final Logger LOG = Logger.getLogger(StandaloneServer.class.getName());

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/fastsync")
    DataSource dataSource;

    @Inject
    SchemaVersions schema;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    FastSyncSettings settings;

    @Inject
    @Any
    Instance<ConflictResolver<SyncDocument>> resolvers;

    /**
     * Runs outside a transaction: the H2 setting below is then committed at once, and holds no
     * lock that the schema migration (in a transaction of its own) would wait for.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        String schemaState = describeSchema();
        makeCommitsDurable();
        for (String type : settings.types()) {
            registry.setSyncableObject(
                    type,
                    new DocumentDataSource(type, em),
                    conflicts(type),
                    settings.type(type).zones());
        }
        LOG.info(() -> "FastSync serves " + describeTypes() + " on " + describeDatabase() + ", " + schemaState);
        // For io.fastsync.launcher.Launch, in the same JVM: the application has started.
        System.setProperty(STARTED, "true");
    }

    /** The system property set once the standalone server has started. */
    static final String STARTED = "io.fastsync.started";

    /**
     * H2 writes a commit to its file up to {@code WRITE_DELAY} (500 ms) after it returns, so a push
     * answered {@code 200} could be lost, and its versions handed out again, if the process is
     * killed in between. With 0, each commit is written before the push is answered. The setting
     * is kept in the database file; setting it needs the database's admin rights, which its
     * creator has.
     */
    private void makeCommitsDurable() {
        try (Connection c = dataSource.getConnection()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "FastSync could not make H2 write each commit before answering (SET WRITE_DELAY 0: "
                    + e.getMessage() + "); pushes acknowledged within the last half second before a crash may be lost");
        }
    }

    private ConflictsHandler<SyncDocument> conflicts(String type) {
        String key = FastSyncSettings.TYPE_PREFIX + type + ".conflicts";
        String value = settings.type(type).conflicts();
        ConflictStrategy strategy = ConflictStrategy.ofConfigName(value);
        if (strategy != null && strategy != ConflictStrategy.PREDEFINED_RULES) {
            return SyncTypeRegistry.handlerFor(strategy, null);
        }
        Instance<ConflictResolver<SyncDocument>> named = resolvers.select(NamedLiteral.of(value));
        if (named.isUnsatisfied()) {
            throw new IllegalArgumentException(key + " must be last-writer-wins, timestamp-ordering, or the name of a"
                    + " @Named ConflictResolver<SyncDocument> bean; no bean is named '" + value + "'");
        }
        return ConflictsHandler.predefinedRules(named.get());
    }

    private String describeSchema() {
        int before = schema.before();
        int now = schema.current();
        if (before == now) {
            return "schema version " + now;
        }
        return before == 0
                ? "schema version " + now + " created"
                : "schema upgraded from version " + before + " to " + now;
    }

    private String describeTypes() {
        StringBuilder s = new StringBuilder();
        for (String type : settings.types()) {
            var registered = registry.require(type, null);
            s.append(s.length() == 0 ? "" : ", ")
                    .append(type)
                    .append(" (")
                    .append(registered.zoneRestriction().name().toLowerCase(Locale.ROOT))
                    .append(", ")
                    .append(registered.conflicts().strategy().configName())
                    .append(')');
        }
        return s.toString();
    }

    private String describeDatabase() {
        try (Connection c = dataSource.getConnection()) {
            var meta = c.getMetaData();
            String url = meta.getURL();
            // PostgreSQL's driver appends every connection property; the address is what matters.
            int properties = url.indexOf('?');
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + (properties < 0 ? url : url.substring(0, properties));
        } catch (SQLException e) {
            return "an unreachable database (" + e.getMessage() + ")";
        }
    }
}
