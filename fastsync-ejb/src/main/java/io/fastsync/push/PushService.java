package io.fastsync.push;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.version.CounterRowCreator;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.zone.ZoneAuthorizer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The push boundary: one push, one transaction. {@code REQUIRED}: called by an application that
 * has a transaction open, the push joins it and commits or rolls back with it; called from the
 * REST edge, it gets its own. Any refusal rolls the whole push back.
 */
@Stateless
public class PushService {

    @PersistenceContext(unitName = "fastsync")
    EntityManager em;

    @Inject
    SyncTypeRegistry registry;

    @Inject
    CounterRowCreator counterRowCreator;

    @Inject
    ZoneAuthorizer authorizer;

    @Inject
    FastSyncSettings settings;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PushResponse push(PushRequest request) {
        PushPipeline pipeline = new PushPipeline(registry, registry.versionCounters(),
                new PushReceipts(em, Clock.systemUTC()), authorizer, settings);
        return pipeline.run(request, context.getCallerPrincipal());
    }
}
