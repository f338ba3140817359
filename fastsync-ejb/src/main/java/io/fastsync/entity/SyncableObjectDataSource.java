package io.fastsync.entity;

import io.fastsync.store.IdChunks;
import io.fastsync.store.InvalidFieldsException;
import io.fastsync.store.SyncMeta;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.SyncMetadata;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.SyncOperation;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JPA data access for one syncable entity class, in the persistence unit {@code fastsync}.
 *
 * <p>An application's data source is one line:
 * <pre>{@code
 * @ApplicationScoped
 * public class ItemDataSource extends SyncableObjectDataSource<Item> {}
 * }</pre>
 * and may add queries of its own through {@link #entityManager()}. The entity's own fields
 * travel as JSON through JSON binding, so whatever JSON-B can bind, clients can sync.
 *
 * @param <T> the entity class
 */
public abstract class SyncableObjectDataSource<T extends SyncableObject> implements SyncStore<T> {

    /** EclipseLink's hint for results kept out of the persistence context: no copies to compare at commit. */
    private static final String READ_ONLY = "eclipselink.read-only";

    /** Reads bypass the shared cache: another server instance may have changed the row. */
    private static final Map<String, Object> FRESH =
            Map.of("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS);

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "fastsync")
    private EntityManager em;

    private final Class<T> entityClass;

    protected SyncableObjectDataSource() {
        this.entityClass = entityClassOf(getClass());
    }

    /** For a data source built by hand, outside a container. */
    protected SyncableObjectDataSource(Class<T> entityClass, EntityManager em) {
        this.entityClass = entityClass;
        this.em = em;
    }

    /** @return the entity manager of the persistence unit {@code fastsync}, for the subclass's own queries */
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    public Class<T> valueClass() {
        return entityClass;
    }

    /** @return the JPQL entity name of the class */
    protected String entityName() {
        return entityManager().getMetamodel().entity(entityClass).getName();
    }

    @Override
    public SyncMeta meta(T value) {
        return new SyncMeta(
                value.getId(),
                value.getSyncZone(),
                value.getSyncVersion(),
                value.getSyncTimestamp(),
                SyncOperation.ofCode(value.getSyncOperation()),
                value.isDeleted());
    }

    @Override
    public T fromWire(SyncObject object, String zone) {
        T value;
        try {
            value = JSONB.fromJson(object.fields().toString(), entityClass);
        } catch (JsonbException e) {
            throw new InvalidFieldsException(
                    "the fields do not fit type " + entityClass.getSimpleName() + ": " + rootMessage(e));
        }
        identify(value, object.id(), zone);
        value.setSyncMetadataId(object.metadata().id());
        return value;
    }

    @Override
    public SyncObject toWire(T value, String typeName) {
        SyncMeta m = meta(value);
        return new SyncObject(
                m.id(),
                m.deleted(),
                new SyncMetadata(
                        value.getSyncMetadataId() != null ? value.getSyncMetadataId() : m.id(),
                        typeName,
                        m.version(),
                        m.zone(),
                        m.timestamp(),
                        m.operation(),
                        null),
                fields(value));
    }

    @Override
    public boolean sameContent(T a, T b) {
        return a.isDeleted() == b.isDeleted() && fields(a).equals(fields(b));
    }

    private JsonObject fields(T value) {
        return WireJson.parseObject(JSONB.toJson(value));
    }

    @Override
    public void stamp(T value, long version, long timestamp, SyncOperation operation, boolean deleted) {
        value.stampSync(version, timestamp, operation.code(), deleted);
    }

    @Override
    public void identify(T value, String id, String zone) {
        value.setId(id);
        value.setSyncZone(zone);
    }

    @Override
    public Map<String, T> findByIds(Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        String jpql = "SELECT e FROM " + entityName() + " e WHERE e.id IN :ids";
        IdChunks.forEach(ids, chunk -> {
            TypedQuery<T> query = entityManager().createQuery(jpql, entityClass);
            FRESH.forEach(query::setHint);
            for (T value : query.setParameter("ids", chunk).getResultList()) {
                found.put(value.getId(), value);
            }
        });
        return found;
    }

    @Override
    public void insert(T value) {
        entityManager().persist(value);
    }

    @Override
    public T replace(T incoming) {
        return entityManager().merge(incoming);
    }

    @Override
    public List<T> changesSince(String zone, long after, int limit) {
        TypedQuery<T> query = entityManager()
                .createQuery(
                        "SELECT e FROM " + entityName()
                                + " e WHERE e.syncZone = :zone AND e.syncVersion > :after ORDER BY e.syncVersion",
                        entityClass);
        FRESH.forEach(query::setHint);
        query.setHint(READ_ONLY, true);
        return query.setParameter("zone", zone)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<T> all(String zone, boolean withTombstones) {
        String tombstones = withTombstones ? "" : " AND e.deleted = false";
        TypedQuery<T> query = entityManager()
                .createQuery(
                        "SELECT e FROM " + entityName() + " e WHERE e.syncZone = :zone" + tombstones
                                + " ORDER BY e.syncVersion",
                        entityClass);
        FRESH.forEach(query::setHint);
        return query.setParameter("zone", zone).getResultList();
    }

    @Override
    public long count(String zone) {
        return entityManager()
                .createQuery(
                        "SELECT COUNT(e) FROM " + entityName() + " e WHERE e.syncZone = :zone AND e.deleted = false",
                        Long.class)
                .setParameter("zone", zone)
                .getSingleResult();
    }

    @Override
    public void hardDelete(T value) {
        EntityManager manager = entityManager();
        manager.remove(manager.contains(value) ? value : manager.merge(value));
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> entityClassOf(Class<?> subclass) {
        Class<?> c = subclass;
        while (c != null && c != Object.class) {
            Type t = c.getGenericSuperclass();
            if (t instanceof ParameterizedType p
                    && p.getRawType() == SyncableObjectDataSource.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> entity) {
                return (Class<T>) entity;
            }
            c = c.getSuperclass();
        }
        // CDI proxies subclass the application's class; their superclass chain still reaches here.
        throw new IllegalStateException(
                subclass.getName() + " must extend SyncableObjectDataSource<E> with a concrete entity class E");
    }
}
