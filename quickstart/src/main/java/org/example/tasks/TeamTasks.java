package org.example.tasks;

import io.fastsync.repository.SyncableRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The application's own code writing tasks on the server, at {@code /tasks/api/teams/{team}/tasks}.
 * It writes through {@link SyncableRepository}, which gives each change its version, so that
 * clients receive it on their next pull. A stateless bean: each call is one transaction.
 */
@Stateless
@Path("teams/{team}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TeamTasks {

    @Inject
    SyncableRepository<Task> tasks;

    @HeaderParam(Teams.HEADER)
    String caller;

    /** Adds a task; the body is its title. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response add(@PathParam("team") String team, String title) {
        Teams.require(caller, team);
        Task added = tasks.add(new Task(team, title));
        return Response.status(Response.Status.CREATED).entity(json(added)).build();
    }

    /** The team's tasks, deleted ones left out. */
    @GET
    public String list(@PathParam("team") String team) {
        Teams.require(caller, team);
        JsonArrayBuilder all = Json.createArrayBuilder();
        tasks.getAll(team).forEach(t -> all.add(json(t)));
        return all.build().toString();
    }

    private static JsonObject json(Task t) {
        return Json.createObjectBuilder()
                .add("id", t.getId())
                .add("title", t.getTitle() == null ? "" : t.getTitle())
                .add("done", t.isDone())
                .add("version", t.getSyncVersion())
                .build();
    }
}
