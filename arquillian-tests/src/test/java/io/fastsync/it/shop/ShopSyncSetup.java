package io.fastsync.it.shop;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Programmatic registration, when the application starts. */
@ApplicationScoped
public class ShopSyncSetup {

    @Inject
    SyncTypeRegistry registry;

    @Inject
    OrderDataSource orders;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.setSyncableObject(Order.class, orders, ConflictsHandler.timestampOrdering(), SyncZoneRestriction.RESTRICTED);
    }
}
