package io.fastsync.it.shop;

import io.fastsync.conflict.ConflictsHandler;
import io.fastsync.document.DocumentDataSource;
import io.fastsync.document.SyncDocument;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.zone.SyncZoneRestriction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Programmatic registration, when the application starts: a typed entity and a document type. */
@ApplicationScoped
public class ShopSyncSetup {

    @Inject
    SyncTypeRegistry registry;

    @Inject
    OrderDataSource orders;

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.setSyncableObject(
                Order.class, orders, ConflictsHandler.timestampOrdering(), SyncZoneRestriction.RESTRICTED);
        // A document type settled by the shop's own rule: both texts are kept, the server's first.
        registry.setSyncableObject(
                "Memo",
                new DocumentDataSource("Memo", em),
                ConflictsHandler.<SyncDocument>predefinedRules(conflict -> new SyncDocument(
                        "Memo",
                        conflict.objectId(),
                        null,
                        Json.createObjectBuilder()
                                .add(
                                        "text",
                                        conflict.serverCopy().getFields().getString("text") + " + "
                                                + conflict.clientCopy()
                                                        .getFields()
                                                        .getString("text"))
                                .build(),
                        false)),
                SyncZoneRestriction.RESTRICTED);
    }
}
