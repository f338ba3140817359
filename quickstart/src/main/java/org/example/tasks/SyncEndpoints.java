package org.example.tasks;

import io.fastsync.SyncManager;
import io.fastsync.error.InvalidRequestException;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.PullRequest;
import io.fastsync.wire.PullResponse;
import io.fastsync.wire.PushRequest;
import io.fastsync.wire.PushResponse;
import io.fastsync.wire.RequestReader;
import io.fastsync.wire.WireFormatException;
import io.fastsync.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;

/**
 * The application's own push and pull endpoints, at {@code /tasks/api/sync/push} and {@code /pull}:
 * FastSync clients (the Java client, the TypeScript and Dart clients) are pointed at
 * {@code /tasks/api/sync}. Each reads the body with FastSync's reader, hands it to
 * {@link SyncManager} with the caller the application knows, and writes the answer with FastSync's
 * writer. {@code SyncManager} runs each push in a transaction of its own, all or nothing.
 */
@Path("sync")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
@Produces(MediaType.APPLICATION_JSON)
public class SyncEndpoints {

    @Inject
    SyncManager sync;

    @HeaderParam(Teams.HEADER)
    String team;

    @POST
    @Path("push")
    public String push(String body) {
        PushRequest request = read(body, RequestReader::readPush);
        PushResponse answer = sync.processPush(request, Teams.caller(team));
        return WireJson.text(out -> MessageWriter.writePushResponse(answer, out));
    }

    @POST
    @Path("pull")
    public String pull(String body) {
        PullRequest request = read(body, RequestReader::readPull);
        PullResponse answer = sync.processPull(request, Teams.caller(team));
        return WireJson.text(out -> MessageWriter.writePullResponse(answer, out));
    }

    /** Bad bodies become FastSync's own refusal, which {@link SyncErrors} answers as a 400 problem. */
    private static <R> R read(String body, Function<JsonValue, R> reader) {
        try {
            return reader.apply(WireJson.parse(body));
        } catch (WireFormatException e) {
            throw new InvalidRequestException(e.type(), e.objectId(), e.pointer(), e.getMessage());
        } catch (JsonException e) {
            throw new InvalidRequestException(null, null, "", "the body is not JSON");
        }
    }
}
