package io.fastsync.pull;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.registry.SyncTypeRegistry;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.zone.ZoneAuthorizer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The pull boundary: read the cursors, then assemble one page. It only reads; it joins the
 * caller's transaction if there is one ({@code REQUIRED}, the default).
 */
@Stateless
public class PullService {

    @Inject
    SyncTypeRegistry registry;

    @Inject
    ZoneAuthorizer authorizer;

    @Inject
    FastSyncSettings settings;

    @Resource
    SessionContext context;

    public PullResponse pull(PullRequest request) {
        List<PullTarget<?>> targets = new CursorReader(registry, authorizer).read(request, context.getCallerPrincipal());
        return new PageAssembler().assemble(targets, pageSize(request, settings));
    }

    /** @return the client's limit, capped by the server's page size */
    public static int pageSize(PullRequest request, FastSyncSettings settings) {
        return request.limit() == null ? settings.pageSize() : Math.min(request.limit(), settings.pageSize());
    }
}
