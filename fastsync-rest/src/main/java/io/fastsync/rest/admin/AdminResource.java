package io.fastsync.rest.admin;

import io.fastsync.admin.AdminService;
import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.AdminOnlyException;
import io.fastsync.error.InvalidRequestException;
import io.fastsync.error.NoSuchObjectException;
import io.fastsync.rest.security.Authentication;
import io.fastsync.rest.security.RequestCaller;
import io.fastsync.rest.security.SyncEndpoint;
import io.fastsync.retention.RestoreDeclaration;
import io.fastsync.retention.TombstoneRetention;
import io.fastsync.wire.MessageWriter;
import io.fastsync.wire.SyncObject;
import io.fastsync.wire.WireJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The admin API, {@code GET admin/...}: the types served, a type's zones and how big each is, one
 * object as stored, and the refusals and conflicts this instance saw recently; and
 * {@code POST admin/tombstones/purge}. For callers in
 * {@code fastsync.security.admin-role} (token and container mode); in trust mode for this machine
 * only, whatever {@code fastsync.security.allow-remote-trust} says.
 */
@Path("admin")
@RequestScoped
@SyncEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(AdminResource.class.getName());

    @EJB
    AdminService admin;

    @EJB
    TombstoneRetention retention;

    @EJB
    RestoreDeclaration restore;

    /**
     * The oldest age {@code olderThanDays} may name: 100 years. Tombstones are dated by their
     * timestamps, which are never before 1970; a much larger age is past what an instant in
     * microseconds holds.
     */
    static final int MAX_PURGE_AGE_DAYS = 36_500;

    @Inject
    RecentEvents recent;

    @Inject
    FastSyncSettings settings;

    @Inject
    RequestCaller caller;

    @Context
    HttpServletRequest request;

    private void requireAdmin() {
        FastSyncSettings.Security security = settings.security();
        if (security.mode() == FastSyncSettings.SecurityMode.TRUST) {
            if (!Authentication.fromThisMachine(request.getRemoteAddr())) {
                throw new AdminOnlyException("in trust mode the admin API serves this machine only");
            }
            return;
        }
        if (!caller.get().inGroup(security.adminRole())) {
            throw new AdminOnlyException("the admin API is for callers in the group '" + security.adminRole() + "'");
        }
    }

    @GET
    @Path("types")
    public Response types() {
        requireAdmin();
        JsonArrayBuilder types = Json.createArrayBuilder();
        for (AdminService.TypeInfo t : admin.types()) {
            types.add(Json.createObjectBuilder()
                    .add("name", t.name())
                    .add("zones", t.zones().name().toLowerCase(java.util.Locale.ROOT))
                    .add("conflicts", t.conflicts()));
        }
        return ok(Json.createObjectBuilder().add("types", types));
    }

    @GET
    @Path("types/{type}/zones")
    public Response zones(
            @PathParam("type") String type, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        requireAdmin();
        AdminService.ZonePage page = admin.zones(type, after, whole("limit", limit, 1, Integer.MAX_VALUE, 100));
        JsonArrayBuilder zones = Json.createArrayBuilder();
        for (AdminService.ZoneInfo z : page.zones()) {
            zones.add(Json.createObjectBuilder()
                    .add("zone", z.zone())
                    .add("lastVersion", z.lastVersion())
                    .add("objects", z.objects())
                    .add("tombstones", z.tombstones()));
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("type", type).add("zones", zones);
        if (page.next() != null) {
            answer.add("next", page.next());
        } else {
            answer.addNull("next");
        }
        return ok(answer);
    }

    @GET
    @Path("types/{type}/zones/{zone}/objects/{id}")
    public Response object(@PathParam("type") String type, @PathParam("zone") String zone, @PathParam("id") String id) {
        requireAdmin();
        SyncObject object = admin.object(type, zone, id)
                .orElseThrow(() ->
                        new NoSuchObjectException(type, id, "no object " + id + " of type " + type + " in that zone"));
        String text = WireJson.text(out -> MessageWriter.writeObject(object, out));
        return Response.ok(
                        "{\"type\":" + Json.createValue(type) + ",\"zone\":" + Json.createValue(zone) + ",\"object\":"
                                + text + "}",
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @POST
    @Path("tombstones/purge")
    public Response purge(@QueryParam("olderThanDays") String olderThanDays) {
        requireAdmin();
        int days = whole("olderThanDays", olderThanDays, 0, MAX_PURGE_AGE_DAYS, null);
        TombstoneRetention.Purged purged = retention.purgeOlderThan(java.time.Duration.ofDays(days));
        return ok(Json.createObjectBuilder()
                .add("olderThanDays", days)
                .add("purged", purged.purged())
                .add("zones", purged.zones()));
    }

    @POST
    @Path("restored")
    public Response restored(@QueryParam("gap") String gap) {
        requireAdmin();
        long versions = whole("gap", gap, 1, Integer.MAX_VALUE, (int) RestoreDeclaration.DEFAULT_GAP);
        long zones = 0;
        RestoreDeclaration.Zone after = null;
        List<RestoreDeclaration.Zone> batch;
        do {
            batch = restore.batch(after, versions);
            zones += batch.size();
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == RestoreDeclaration.ZONES_PER_BATCH);
        long moved = zones;
        LOG.warning(() -> "FastSync: a restore of the database was declared: " + moved + " zones moved " + versions
                + " versions on; every client starts over once");
        return ok(Json.createObjectBuilder().add("zones", zones).add("gap", versions));
    }

    @GET
    @Path("refusals")
    public Response refusals() {
        requireAdmin();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (RecentEvents.Refusal r : recent.refusals()) {
            all.add(Json.createObjectBuilder()
                    .add("at", r.at().toString())
                    .add("method", r.method())
                    .add("path", r.path())
                    .add("client", r.client())
                    .add("status", r.status())
                    .add("code", r.code())
                    .add("detail", r.detail()));
        }
        return ok(Json.createObjectBuilder().add("refusals", all));
    }

    @GET
    @Path("conflicts")
    public Response conflicts() {
        requireAdmin();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (RecentEvents.Conflict c : recent.conflicts()) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("at", c.at().toString())
                    .add("type", c.type())
                    .add("id", c.id())
                    .add("strategy", c.strategy())
                    .add("version", c.version());
            if (c.zone() != null) {
                o.add("zone", c.zone());
            }
            if (c.winner() != null) {
                o.add("winner", c.winner());
            }
            all.add(o);
        }
        return ok(Json.createObjectBuilder().add("conflicts", all));
    }

    /**
     * @param fallback the value when the parameter is absent; null if it is required
     * @return the query parameter as a whole number from {@code min} to {@code max}
     */
    private static int whole(String name, String text, int min, int max, Integer fallback) {
        if (text == null && fallback != null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text == null ? "" : text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        String found = text == null ? "nothing" : "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'";
        throw new InvalidRequestException(
                null, null, "", name + " must be a whole number from " + min + " to " + max + ", found " + found);
    }

    private static Response ok(JsonObjectBuilder json) {
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
