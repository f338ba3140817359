package io.fastsync.rest;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.PushTooLargeException;
import io.fastsync.push.PushRetry;
import io.fastsync.push.PushService;
import io.fastsync.rest.security.RequestCaller;
import io.fastsync.rest.security.SyncEndpoint;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.WireFormatException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** {@code POST push}: parse, delegate to the boundary ({@link PushService}), answer. Nothing else happens here. */
@Path("push")
@ApplicationScoped
@SyncEndpoint
public class PushResource {

    /** The boundary itself, not {@link io.fastsync.SyncManager}: one container call per request instead of two. */
    @EJB
    PushService pushService;

    @Inject
    FastSyncSettings settings;

    @Inject
    RequestCaller caller;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(
            InputStream body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Length") Long contentLength) {
        if (contentLength != null && contentLength > settings.maxPushBytes()) {
            throw new PushTooLargeException(
                    null,
                    null,
                    "",
                    "the body has " + contentLength + " bytes; at most " + settings.maxPushBytes() + " are accepted");
        }
        PushRequest parsed = RequestReader.readPush(RequestBody.read(body, settings.maxPushBytes()));
        String headerKey = PushRequest.checkedKey(idempotencyKey, "", "the Idempotency-Key header");
        if (headerKey != null && parsed.idempotencyKey() != null && !headerKey.equals(parsed.idempotencyKey())) {
            // Two different keys for one push: which one the client meant is not ours to guess.
            throw new WireFormatException(
                    "/idempotencyKey", "differs from the Idempotency-Key header; send one key, or the same in both");
        }
        PushRequest request = headerKey != null && parsed.idempotencyKey() == null
                ? new PushRequest(parsed.payload(), headerKey)
                : parsed;
        PushResponse answer = PushRetry.onceIfKeyed(request, r -> pushService.push(r, caller.get()));
        return JsonAnswer.okText(out -> MessageWriter.writePushResponse(answer, out));
    }

    /** A browser's CORS preflight: no data, the CORS headers of {@link io.fastsync.rest.security.BrowserRequests}. */
    @OPTIONS
    public Response preflight() {
        return Response.noContent().build();
    }
}
