package io.fastsync.rest;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.metrics.Metrics;
import io.fastsync.pull.PullService;
import io.fastsync.rest.security.RequestCaller;
import io.fastsync.rest.security.SyncEndpoint;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.RequestReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** {@code POST pull}: parse the cursors, delegate to the boundary ({@link PullService}), stream the page. */
@Path("pull")
@ApplicationScoped
@SyncEndpoint
public class PullResource {

    /** A pull body is a handful of cursors; anything this large is not one. */
    private static final long MAX_PULL_BYTES = 1024 * 1024;

    /** The boundary itself, not {@link io.fastsync.SyncManager}: one container call per request instead of two. */
    @EJB
    PullService pullService;

    @Inject
    FastSyncSettings settings;

    @Inject
    RequestCaller caller;

    @Inject
    Metrics metrics;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response pull(InputStream body) {
        PullRequest request = RequestReader.readPull(RequestBody.read(body, MAX_PULL_BYTES));
        PullResponse page = pullService.pull(request, caller.get());
        return JsonAnswer.okText(
                out -> MessageWriter.writePullResponse(page, out),
                bytes -> metrics.get().pageWritten(bytes));
    }

    /** A browser's CORS preflight: no data, the CORS headers of {@link io.fastsync.rest.security.BrowserRequests}. */
    @OPTIONS
    public Response preflight() {
        return Response.noContent().build();
    }
}
