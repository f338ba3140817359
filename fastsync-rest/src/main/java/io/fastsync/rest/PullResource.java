package io.fastsync.rest;

import io.fastsync.SyncManager;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.WireJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST pull}: parse the cursors, delegate to {@link SyncManager}, stream the page. */
@Path("pull")
@RequestScoped
public class PullResource {

    /** A pull body is a handful of cursors; anything this large is not one. */
    private static final long MAX_PULL_BYTES = 1024 * 1024;

    @EJB
    SyncManager syncManager;

    @Inject
    FastSyncSettings settings;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One page of the changes after the client's cursors",
            description = "Body: {\"metadata\": {Type: {syncZone, version}}, \"limit\": n}. Answer: the changes in version order, "
                    + "the next cursors, and hasMore. See docs/protocol.md.")
    public Response pull(InputStream body) {
        PullRequest request = WireJson.readPull(RequestBody.read(body, MAX_PULL_BYTES));
        PullResponse page = syncManager.processPull(request);
        return JsonAnswer.ok(g -> WireJson.writePullResponse(page, g));
    }
}
