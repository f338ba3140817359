package io.fastsync.rest.openapi;

import io.fastsync.error.Refusal;
import io.fastsync.wire.ConflictWinner;
import io.fastsync.wire.PushOutcome;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * FastSync's OpenAPI document: push, pull and the admin API, the bodies they take and give, the
 * problem body, and for each operation every status of the error table it can answer, with an
 * example per code. The request examples are bodies the original TypeScript client sent, as
 * captured. Built in code rather than from annotations, because a server does not scan the
 * library jars the resources are in; the statuses and codes come from {@link Refusal}, so the
 * document cannot drift from what the server answers.
 *
 * <p>Used where {@code mp.openapi.model.reader} names it, as the standalone server does.
 */
public class FastSyncOpenApi implements OASModelReader {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String REFS = "#/components/schemas/";

    /** The statuses each operation may answer, beyond 200. */
    private static final List<Integer> PUSH = List.of(400, 401, 403, 405, 408, 409, 413, 415, 422, 500, 503);

    private static final List<Integer> PULL = List.of(400, 401, 403, 405, 408, 410, 413, 415, 500, 503);
    private static final List<Integer> CHANGES = List.of(400, 401, 403, 429, 500, 503);
    private static final List<Integer> ADMIN_READ = List.of(400, 401, 403, 404, 500, 503);
    private static final List<Integer> ADMIN_WRITE = List.of(400, 401, 403, 500, 503);

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .openapi("3.0.3")
                .info(OASFactory.createInfo()
                        .title("FastSync")
                        .version(version())
                        .description("Push and pull of the FastSync protocol, which the existing FastSync clients"
                                + " (TypeScript, Dart/Flutter) speak unchanged, and FastSync's admin API. Every"
                                + " extension is a field old clients ignore. Errors are problem bodies with"
                                + " \"success\": false. The protocol in full: docs/protocol.md."))
                .paths(OASFactory.createPaths()
                        .addPathItem("/push", post(push()))
                        .addPathItem("/pull", post(pull()))
                        .addPathItem("/changes", get(changes()))
                        .addPathItem(
                                "/admin/types",
                                get(admin(
                                        "The types served, with their zone rule and conflict strategy",
                                        "{\"types\": [{\"name\": \"Item\", \"zones\": \"restricted\","
                                                + " \"conflicts\": \"last-writer-wins\"}]}",
                                        ADMIN_READ)))
                        .addPathItem(
                                "/admin/types/{type}/zones",
                                get(admin(
                                                "A type's zones in name order, each with its last version and its object"
                                                        + " and tombstone counts; at most limit zones after the one"
                                                        + " named by after, and next names the zone to ask after",
                                                "{\"type\": \"Item\", \"zones\": [{\"zone\": \"user-1\","
                                                        + " \"lastVersion\": 9, \"objects\": 3, \"tombstones\": 1}],"
                                                        + " \"next\": null}",
                                                ADMIN_READ)
                                        .addParameter(path("type"))
                                        .addParameter(query("after", SchemaType.STRING, "the zone to list after"))
                                        .addParameter(query(
                                                "limit",
                                                SchemaType.INTEGER,
                                                "at most this many zones (100; 1000 at most)"))))
                        .addPathItem(
                                "/admin/types/{type}/zones/{zone}/objects/{id}",
                                get(admin(
                                                "One object as a pull would send it, tombstone or not, with its current"
                                                        + " version; 404 not-found if the zone holds no such object",
                                                "{\"type\": \"Item\", \"zone\": \"user-1\", \"object\": {\"id\": \"a1\","
                                                        + " \"deleted\": false, \"metadata\": {\"id\": \"a1\", \"type\":"
                                                        + " \"Item\", \"version\": 9, \"syncZone\": \"user-1\","
                                                        + " \"timestamp\": 1796112961048000, \"syncOperation\": 1},"
                                                        + " \"metadataId\": \"a1\", \"name\": \"milk\"}}",
                                                ADMIN_READ)
                                        .addParameter(path("type"))
                                        .addParameter(path("zone"))
                                        .addParameter(path("id"))))
                        .addPathItem(
                                "/admin/refusals",
                                get(admin(
                                        "The last refused requests this instance saw, newest first",
                                        "{\"refusals\": [{\"at\": \"2026-12-01T08:16:01Z\", \"method\": \"POST\", \"path\":"
                                                + " \"/fastsync/push\", \"client\": \"127.0.0.1\", \"status\": 400, \"code\":"
                                                + " \"invalid-field\", \"detail\": \"/data/Item/0/metadata/version must be a"
                                                + " whole number\"}]}",
                                        ADMIN_READ)))
                        .addPathItem(
                                "/admin/conflicts",
                                get(admin(
                                        "The last conflicts pushes met on this instance, and who won, newest first",
                                        "{\"conflicts\": [{\"at\": \"2026-12-01T08:16:01Z\", \"type\": \"Item\", \"id\":"
                                                + " \"a1\", \"strategy\": \"last-writer-wins\", \"version\": 8, \"zone\":"
                                                + " \"user-1\", \"winner\": \"client\"}]}",
                                        ADMIN_READ)))
                        .addPathItem(
                                "/admin/tombstones/purge",
                                post(admin(
                                                "Purge the tombstones older than olderThanDays days now, as the retention"
                                                        + " does hourly; clients whose cursors predate a purged tombstone"
                                                        + " are told to start over (410 cursor-expired)",
                                                "{\"olderThanDays\": 30, \"purged\": 12, \"zones\": 3}",
                                                ADMIN_WRITE)
                                        .addParameter(query(
                                                        "olderThanDays",
                                                        SchemaType.INTEGER,
                                                        "the age in days, from 0 (all) to 36500; required")
                                                .required(true))))
                        .addPathItem(
                                "/admin/restored",
                                post(admin(
                                                "Declare that the database was restored from a backup: every zone's"
                                                        + " counter moves gap versions past its last, and every cursor"
                                                        + " below expires; each client starts over once",
                                                "{\"zones\": 120, \"gap\": 1000000000}",
                                                ADMIN_WRITE)
                                        .addParameter(query(
                                                "gap", SchemaType.INTEGER, "versions to move on (1,000,000,000)")))))
                .components(OASFactory.createComponents().schemas(schemas()).responses(problemResponses()));
    }

    private static Operation push() {
        return OASFactory.createOperation()
                .operationId("push")
                .summary("Push local changes: each object applied, resolved as a conflict, or unchanged")
                .description("All or nothing: a refused push writes nothing. A push sent again with the same"
                        + " idempotency key (body field or Idempotency-Key header) gets the first answer again.")
                .addParameter(OASFactory.createParameter()
                        .name("Idempotency-Key")
                        .in(Parameter.In.HEADER)
                        .description("the same as the body's idempotencyKey, which it may replace")
                        .schema(string().minLength(1).maxLength(200)))
                .requestBody(OASFactory.createRequestBody()
                        .required(true)
                        .content(content(
                                JSON,
                                ref("PushRequest"),
                                Map.of(
                                        "typescript-client-add", captured("s1-02-A-push.request.json"),
                                        "typescript-client-delete", captured("s2-06-B-push.request.json")))))
                .responses(responses(
                        "The results, one per object in the order pushed",
                        ref("PushAnswer"),
                        "{\"success\": true, \"data\": {\"replayed\": false, \"results\": {\"Item\": [{\"id\":"
                                + " \"a1\", \"status\": \"applied\", \"version\": 10, \"deleted\": false}]},"
                                + " \"marks\": {\"Item\": 1796112961048999}}}",
                        PUSH));
    }

    private static Operation pull() {
        return OASFactory.createOperation()
                .operationId("pull")
                .summary("Pull one page of changes after each type's cursor")
                .description("Objects in version order, tombstones included, and per type the next cursor."
                        + " hasMore says more changes wait; old clients, which ignore it, get them on their next pull.")
                .requestBody(OASFactory.createRequestBody()
                        .required(true)
                        .content(content(
                                JSON,
                                ref("PullRequest"),
                                Map.of(
                                        "typescript-client-first-pull", captured("s1-01-A-pull.request.json"),
                                        "typescript-client-echoed-cursor", captured("s3-07-A-pull.request.json")))))
                .responses(responses(
                        "One page",
                        ref("PullAnswer"),
                        "{\"success\": true, \"data\": {\"data\": {\"Item\": [{\"id\": \"a1\", \"deleted\": false,"
                                + " \"metadata\": {\"id\": \"9fe4d5d8-3c6e-4b8e-9a57-0d8a1c2f7e11\", \"type\": \"Item\","
                                + " \"version\": 9, \"syncZone\": \"user-1\", \"timestamp\": 1796112961048000,"
                                + " \"syncOperation\": 1}, \"metadataId\": \"9fe4d5d8-3c6e-4b8e-9a57-0d8a1c2f7e11\","
                                + " \"name\": \"milk\"}]}, \"operationMetadata\": {\"metadata\": {\"Item\": {\"id\":"
                                + " \"Item\", \"type\": \"Item\", \"version\": 9, \"syncZone\": \"user-1\","
                                + " \"timestamp\": 1796112961048999, \"syncOperation\": 999}}}}, \"hasMore\": false}",
                        PULL));
    }

    private static Operation changes() {
        APIResponses responses = responses(
                "The stream (text/event-stream): events changed, ready and closing, and heartbeat comments",
                OASFactory.createSchema().type(SchemaType.OBJECT),
                "{\"type\": \"Item\", \"syncZone\": \"user-1\", \"version\": 12}",
                CHANGES);
        responses
                .getAPIResponse("200")
                .content(OASFactory.createContent()
                        .addMediaType(
                                "text/event-stream",
                                OASFactory.createMediaType()
                                        .schema(string())
                                        .example("event: changed\nid: 12\ndata: {\"type\":\"Item\",\"syncZone\":"
                                                + "\"user-1\",\"version\":12}\n\n")));
        return OASFactory.createOperation()
                .operationId("changes")
                .summary("Subscribe to the changes past a pull's cursors, as Server-Sent Events")
                .description("Each (type, zone) of the cursors is told when changes past its cursor are committed,"
                        + " on any instance; the subscriber then pulls. The same zone rules and tokens as pull.")
                .addParameter(query(
                                "metadata",
                                SchemaType.STRING,
                                "a pull's metadata object as JSON: {Type: {syncZone, version}}")
                        .required(true))
                .responses(responses);
    }

    private static Operation admin(String summary, String answer, List<Integer> statuses) {
        return OASFactory.createOperation()
                .summary(summary)
                .addTag("admin")
                .description("For callers in fastsync.security.admin-role (token and container mode), or from the"
                        + " server's own machine (trust mode).")
                .responses(
                        responses("The answer", OASFactory.createSchema().type(SchemaType.OBJECT), answer, statuses));
    }

    private static APIResponses responses(String what, Schema schema, String example, List<Integer> statuses) {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse(
                        "200",
                        OASFactory.createAPIResponse()
                                .description(what)
                                .content(content(JSON, schema, Map.of("answer", parse(example)))));
        for (int status : statuses) {
            responses.addAPIResponse(
                    String.valueOf(status), OASFactory.createAPIResponse().ref("#/components/responses/" + status));
        }
        return responses;
    }

    /** One response per status of the error table: its codes, and a problem body for each. */
    private static Map<String, APIResponse> problemResponses() {
        Map<Integer, List<Refusal>> byStatus = Arrays.stream(Refusal.values())
                .collect(Collectors.groupingBy(Refusal::status, java.util.TreeMap::new, Collectors.toList()));
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        byStatus.forEach((status, refusals) -> {
            Map<String, Object> examples = new LinkedHashMap<>();
            for (Refusal r : refusals) {
                examples.put(r.code(), problemExample(r));
            }
            responses.put(
                    String.valueOf(status),
                    OASFactory.createAPIResponse()
                            .description(refusals.stream()
                                    .map(r -> r.code() + ": " + r.title())
                                    .collect(Collectors.joining("; ")))
                            .content(content(PROBLEM, ref("Problem"), examples)));
        });
        return responses;
    }

    private static Object problemExample(Refusal r) {
        return plain(Json.createObjectBuilder()
                .add("success", false)
                .add("type", "https://fastsync.io/problems/" + r.code())
                .add("status", r.status())
                .add("code", r.code())
                .add("title", r.title())
                .add("detail", r.title())
                .add("errors", Json.createArrayBuilder())
                .build());
    }

    private static Map<String, Schema> schemas() {
        Map<String, Schema> s = new LinkedHashMap<>();
        s.put(
                "SyncMetadata",
                object("An object's sync metadata, or a type's cursor in a pull (then version is the cursor and"
                                + " timestamp its mark, both to be sent back as received)")
                        .addProperty(
                                "id",
                                string().description(
                                                "the client's own id of the metadata record; for a cursor, the type"))
                        .addProperty("type", string())
                        .addProperty(
                                "version",
                                integer()
                                        .description("the version; from old clients, the version last seen plus one"
                                                + " (1000 for a new object)"))
                        .addProperty("syncZone", string().nullable(true).maxLength(200))
                        .addProperty(
                                "timestamp",
                                OASFactory.createSchema()
                                        .type(SchemaType.NUMBER)
                                        .description("seconds, milliseconds or microseconds since the epoch, told apart"
                                                + " by magnitude; sent as whole microseconds"))
                        .addProperty(
                                "syncOperation",
                                integer()
                                        .enumeration(List.of(0, 1, 2, 999))
                                        .description("0 add, 1 update, 2 delete, 999 none"))
                        .addProperty(
                                "baseVersion",
                                integer().description("extension: the version of the object the client last saw")));
        s.put(
                "SyncObject",
                object("A syncable object: every key besides id, deleted, metadata and the client bookkeeping keys"
                                + " (dirty, metadataId, hasData, _id, __v) is the object's own data")
                        .addRequired("id")
                        .addProperty("id", string().minLength(1).maxLength(200))
                        .addProperty("deleted", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                        .addProperty("metadata", ref("SyncMetadata"))
                        .addProperty("metadataId", string())
                        .additionalPropertiesBoolean(true));
        Schema byType = object("Per type name").additionalPropertiesSchema(ref("SyncMetadata"));
        s.put(
                "PushRequest",
                object("A push: the changed objects per type, and per type the zone they belong to")
                        .addRequired("data")
                        .addRequired("operationMetadata")
                        .addProperty(
                                "data",
                                object("Per type name, its changed objects")
                                        .additionalPropertiesSchema(OASFactory.createSchema()
                                                .type(SchemaType.ARRAY)
                                                .items(ref("SyncObject"))))
                        .addProperty("operationMetadata", object(null).addProperty("metadata", byType))
                        .addProperty(
                                "idempotencyKey",
                                string().minLength(1).maxLength(200).description("extension"))
                        .addProperty("hasData", OASFactory.createSchema().type(SchemaType.BOOLEAN)));
        s.put(
                "ObjectResult",
                object("What became of one pushed object")
                        .addProperty("id", string())
                        .addProperty(
                                "status",
                                string().enumeration(Arrays.stream(PushOutcome.values())
                                        .map(o -> (Object) o.wireName())
                                        .toList()))
                        .addProperty(
                                "winner",
                                string().enumeration(Arrays.stream(ConflictWinner.values())
                                        .map(w -> (Object) w.wireName())
                                        .toList()))
                        .addProperty("strategy", string())
                        .addProperty("version", integer().description("the object's version on the server now"))
                        .addProperty("deleted", OASFactory.createSchema().type(SchemaType.BOOLEAN)));
        s.put(
                "PushAnswer",
                object("The answer to a push")
                        .addProperty("success", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                        .addProperty(
                                "data",
                                object(null)
                                        .addProperty(
                                                "replayed",
                                                OASFactory.createSchema()
                                                        .type(SchemaType.BOOLEAN)
                                                        .description("the first answer to the same idempotency key"))
                                        .addProperty(
                                                "results",
                                                object("Per type name, one result per object")
                                                        .additionalPropertiesSchema(OASFactory.createSchema()
                                                                .type(SchemaType.ARRAY)
                                                                .items(ref("ObjectResult"))))
                                        .addProperty(
                                                "marks",
                                                object("extension: per type name, the mark of the versions given")
                                                        .additionalPropertiesSchema(integer()))));
        s.put(
                "PullRequest",
                object("A pull: per type, the cursor")
                        .addRequired("metadata")
                        .addProperty("metadata", byType)
                        .addProperty(
                                "limit",
                                integer().minimum(java.math.BigDecimal.ONE).description("extension"))
                        .addProperty(
                                "startsOver",
                                OASFactory.createSchema()
                                        .type(SchemaType.BOOLEAN)
                                        .description("extension: the client starts over by itself when told 410"))
                        .addProperty(
                                "pushed",
                                object("extension: per type, the highest version a push answer gave above the"
                                                + " cursor, with that answer's mark as timestamp")
                                        .additionalPropertiesSchema(ref("SyncMetadata"))));
        s.put(
                "PullAnswer",
                object("One page of a pull")
                        .addProperty("success", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                        .addProperty(
                                "data",
                                object(null)
                                        .addProperty(
                                                "data",
                                                object("Per type name, its changes in version order")
                                                        .additionalPropertiesSchema(OASFactory.createSchema()
                                                                .type(SchemaType.ARRAY)
                                                                .items(ref("SyncObject"))))
                                        .addProperty(
                                                "operationMetadata",
                                                object(null).addProperty("metadata", byType)))
                        .addProperty(
                                "hasMore",
                                OASFactory.createSchema()
                                        .type(SchemaType.BOOLEAN)
                                        .description("extension: more changes wait")));
        s.put(
                "Problem",
                object("An error: RFC 9457 problem details, with \"success\": false for old clients")
                        .addProperty("success", OASFactory.createSchema().type(SchemaType.BOOLEAN))
                        .addProperty("type", string())
                        .addProperty("status", integer())
                        .addProperty(
                                "code",
                                string().enumeration(Arrays.stream(Refusal.values())
                                        .map(r -> (Object) r.code())
                                        .toList()))
                        .addProperty("title", string())
                        .addProperty("detail", string())
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .type(SchemaType.ARRAY)
                                        .items(object("Where")
                                                .addProperty("type", string().nullable(true))
                                                .addProperty("id", string().nullable(true))
                                                .addProperty(
                                                        "pointer",
                                                        string().nullable(true)
                                                                .description("a JSON Pointer into the body"))
                                                .addProperty("message", string().nullable(true))))
                        .addProperty(
                                "zones",
                                object("zone-forbidden: per type, the zones the caller may use")
                                        .additionalPropertiesSchema(OASFactory.createSchema()
                                                .type(SchemaType.ARRAY)
                                                .items(string()))));
        return s;
    }

    private static PathItem post(Operation operation) {
        return OASFactory.createPathItem().POST(operation);
    }

    private static PathItem get(Operation operation) {
        return OASFactory.createPathItem().GET(operation);
    }

    private static Parameter path(String name) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.PATH)
                .required(true)
                .schema(string());
    }

    private static Parameter query(String name, SchemaType type, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.QUERY)
                .description(description)
                .schema(OASFactory.createSchema().type(type));
    }

    private static Content content(String mediaType, Schema schema, Map<String, Object> examples) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        examples.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Example example = OASFactory.createExample().value(e.getValue());
            media.addExample(e.getKey(), example);
        });
        return OASFactory.createContent().addMediaType(mediaType, media);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(SchemaType.OBJECT).description(description);
    }

    private static Schema string() {
        return OASFactory.createSchema().type(SchemaType.STRING);
    }

    private static Schema integer() {
        return OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(REFS + name);
    }

    /** @return a captured body of the original TypeScript client, as JSON */
    private static Object captured(String name) {
        try (InputStream in = FastSyncOpenApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JSON as maps, lists, strings, numbers and booleans, which every OpenAPI writer can write */
    private static Object parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return plain(reader.readValue());
        }
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY ->
                value.asJsonArray().stream().map(FastSyncOpenApi::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER ->
                ((JsonNumber) value).isIntegral()
                        ? (Object) ((JsonNumber) value).bigIntegerValue()
                        : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static String version() {
        Properties p = new Properties();
        try (InputStream in = FastSyncOpenApi.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
