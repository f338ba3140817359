package io.fastsync.registry;

import io.fastsync.conflict.ConflictResolver;
import io.fastsync.conflict.ConflictStrategy;
import io.fastsync.zone.SyncZoneRestriction;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a type declaratively: put it on the CDI bean class of a
 * {@link io.fastsync.entity.SyncableObjectDataSource}, and the type is synced as its entity's
 * simple class name.
 * <pre>{@code
 * @ApplicationScoped
 * @Syncable(zone = SyncZoneRestriction.RESTRICTED, conflicts = ConflictStrategy.TIMESTAMP_ORDERING)
 * public class ItemDataSource extends SyncableObjectDataSource<Item> {}
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Syncable {

    SyncZoneRestriction zone() default SyncZoneRestriction.RESTRICTED;

    ConflictStrategy conflicts() default ConflictStrategy.LAST_WRITER_WINS;

    /** For {@link ConflictStrategy#PREDEFINED_RULES}: the resolver, looked up as a CDI bean. */
    @SuppressWarnings("rawtypes")
    Class<? extends ConflictResolver> resolver() default ConflictResolver.class;

    /** The type's name on the wire; empty for the entity's simple class name. */
    String name() default "";
}
