package io.fastsync.registry;

import io.fastsync.conflict.ConflictResolver;
import io.fastsync.conflict.ConflictStrategy;
import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.entity.SyncableObject;
import io.fastsync.entity.SyncableObjectDataSource;
import io.fastsync.error.UnknownTypeException;
import io.fastsync.store.SyncStore;
import io.fastsync.wire.Limits;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types this server syncs, FastSync's {@code setSyncableObject}.
 *
 * <p>Types come from three places: {@link #setSyncableObject} in application code (typically in
 * an observer of the application's start-up), data sources marked {@link Syncable}, and for
 * documents the server's configuration. Registering a name twice replaces the earlier entry.
 */
@ApplicationScoped
public class SyncTypeRegistry {

    @Inject
    SyncableTypesExtension declaredTypes;

    @Inject
    @Any
    Instance<Object> beans;

    private final Map<String, RegisteredType<?>> types = Collections.synchronizedMap(new LinkedHashMap<>());

    /** For the container, and for a registry outside one, filled by {@link #setSyncableObject}. */
    public SyncTypeRegistry() {}

    @PostConstruct
    void registerDeclaredTypes() {
        for (Class<?> declared : declaredTypes.declared()) {
            if (!SyncableObjectDataSource.class.isAssignableFrom(declared)) {
                throw new IllegalStateException(
                        "@Syncable is for subclasses of SyncableObjectDataSource, not " + declared.getName());
            }
            register(
                    (SyncableObjectDataSource<?>) beans.select(declared).get(), declared.getAnnotation(Syncable.class));
        }
    }

    private <T extends SyncableObject> void register(SyncableObjectDataSource<T> dataSource, Syncable declaration) {
        String name =
                declaration.name().isEmpty() ? dataSource.values().valueClass().getSimpleName() : declaration.name();
        setSyncableObject(name, dataSource, handler(declaration, name), declaration.zone());
    }

    @SuppressWarnings("unchecked")
    private <T> ConflictsHandler<T> handler(Syncable declaration, String name) {
        if (declaration.conflicts() != ConflictStrategy.PREDEFINED_RULES) {
            return handlerFor(declaration.conflicts(), null);
        }
        if (declaration.resolver() == ConflictResolver.class) {
            throw new IllegalStateException("type " + name + " uses predefined rules but @Syncable names no resolver");
        }
        return ConflictsHandler.predefinedRules(
                (ConflictResolver<T>) beans.select(declaration.resolver()).get());
    }

    /** @return the handler of a strategy; the resolver is used for predefined rules only */
    public static <T> ConflictsHandler<T> handlerFor(ConflictStrategy strategy, ConflictResolver<T> resolver) {
        return switch (strategy) {
            case LAST_WRITER_WINS -> ConflictsHandler.lastWriterWins();
            case TIMESTAMP_ORDERING -> ConflictsHandler.timestampOrdering();
            case PREDEFINED_RULES -> ConflictsHandler.predefinedRules(resolver);
        };
    }

    /**
     * Registers an entity class under its simple class name.
     *
     * @param dataSource its data source; never null
     */
    public <T extends SyncableObject> void setSyncableObject(
            Class<T> entityClass,
            SyncableObjectDataSource<T> dataSource,
            ConflictsHandler<T> conflictsHandler,
            SyncZoneRestriction zoneRestriction) {
        setSyncableObject(entityClass.getSimpleName(), dataSource, conflictsHandler, zoneRestriction);
    }

    /**
     * Registers a type under a name.
     *
     * @param typeName the name clients use; 1 to {@value io.fastsync.wire.Limits#TYPE_NAME} characters
     */
    public <T> void setSyncableObject(
            String typeName,
            SyncStore<T> store,
            ConflictsHandler<T> conflictsHandler,
            SyncZoneRestriction zoneRestriction) {
        if (typeName == null || typeName.isEmpty() || typeName.length() > Limits.TYPE_NAME) {
            throw new IllegalArgumentException("a type name has 1 to " + Limits.TYPE_NAME + " characters: " + typeName);
        }
        types.put(typeName, new RegisteredType<>(typeName, store, conflictsHandler, zoneRestriction));
    }

    /**
     * @param pointer where the request named the type, for the error
     * @throws UnknownTypeException if no type has this name
     */
    public RegisteredType<?> require(String typeName, String pointer) {
        RegisteredType<?> type = types.get(typeName);
        if (type == null) {
            throw new UnknownTypeException(
                    typeName,
                    null,
                    pointer,
                    "type '" + typeName + "' is not served here; served types: " + String.join(", ", names()));
        }
        return type;
    }

    /** @return the registered type names, in registration order */
    public List<String> names() {
        synchronized (types) {
            return new ArrayList<>(types.keySet());
        }
    }
}
