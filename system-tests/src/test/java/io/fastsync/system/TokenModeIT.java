package io.fastsync.system;

import static io.fastsync.wire.testing.OldClientBodies.typeScriptFirstPull;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptObject;
import static io.fastsync.wire.testing.OldClientBodies.typeScriptPush;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fastsync.testsupport.Tokens;
import io.fastsync.testsupport.http.ChangeStream;
import io.fastsync.testsupport.http.Http;
import io.fastsync.testsupport.server.PayaraMicroServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standalone server in token mode, started by {@code bin/fastsync-server} with nothing but the
 * standard MicroProfile JWT keys in its environment, and real RS256 tokens over real HTTP. Types:
 * {@code Note} per user (zone claim {@code sub}), {@code Project} per company (zone claim
 * {@code tenant}, several values for a user of several companies) and the global {@code Catalog}.
 */
class TokenModeIT {

    private static final String WRITERS = "fastsync-global-writer";

    /** Users by company; erin also works for initech. */
    private static final Map<String, List<String>> COMPANIES =
            Map.of("acme", List.of("alice", "bob", "erin"), "globex", List.of("carol", "dave"));

    private static final Tokens TOKENS = new Tokens("fastsync-test-key");
    private static PayaraMicroServer server;
    private static URI base;

    /** Every object id the seed wrote, by zone (a user's Notes under the user, a company's Projects under it). */
    private static final Map<String, List<String>> SEEDED = new LinkedHashMap<>();

    private static final Map<String, String> UNUSED = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "token-mode");
        Map<String, String> env = new LinkedHashMap<>(TOKENS.serverEnvironment(TOKENS.writeKeySet(dir)));
        env.put("FASTSYNC_DATA_DIR", dir.resolve("data").toString());
        env.put("FASTSYNC_TYPES", "Note,Project,Catalog");
        env.put("FASTSYNC_TYPE_PROJECT_ZONE_CLAIM", "tenant");
        env.put("FASTSYNC_TYPE_CATALOG_ZONE", "global");
        server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
        base = server.base();
        String started = server.logOfThisRun();
        assertTrue(started.contains("FastSync security: token mode"), started);
        server.assertStartedClean(false, "a token-mode start warns of nothing");
        seed();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static String tokenOf(String user) {
        List<String> tenants = new ArrayList<>();
        COMPANIES.forEach((company, users) -> {
            if (users.contains(user)) {
                tenants.add(company);
            }
        });
        if (user.equals("erin")) {
            tenants.add("initech");
        }
        return TOKENS.token(user, Map.of("tenant", tenants));
    }

    private static String companyOf(String user) {
        return COMPANIES.entrySet().stream()
                .filter(e -> e.getValue().contains(user))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private static String sentinel(String company) {
        return "SENTINEL-" + company.toUpperCase();
    }

    private static Http.Answer push(String token, String type, String zone, String... objects) {
        return Http.post(base, "push", typeScriptPush(type, zone, objects), Tokens.authorization(token));
    }

    private static Http.Answer pushKeyed(String token, String key, String type, String zone, String... objects) {
        return Http.post(
                base, "push", typeScriptPush(type, zone, objects), Tokens.authorization(token, "Idempotency-Key", key));
    }

    private static Http.Answer pull(String token, String type, String zone) {
        return Http.post(base, "pull", typeScriptFirstPull(zone, type), Tokens.authorization(token));
    }

    private static String object(String type, String zone, String id, int operation, String text) {
        return typeScriptObject(type, zone, id, operation, 1000, "\"text\": \"" + text + "\"");
    }

    private static void seed() {
        COMPANIES.forEach((company, users) -> {
            for (String user : users) {
                String id = UUID.randomUUID().toString();
                Http.Answer a = pushKeyed(
                        tokenOf(user),
                        "seed-key-" + company,
                        "Note",
                        user,
                        object("Note", user, id, 0, sentinel(company) + " note of " + user));
                assertEquals(200, a.status(), String.valueOf(a.body()));
                SEEDED.computeIfAbsent(user, z -> new ArrayList<>()).add(id);
            }
            String id = UUID.randomUUID().toString();
            Http.Answer a = push(
                    tokenOf(users.get(0)),
                    "Project",
                    company,
                    object("Project", company, id, 0, sentinel(company) + " project"));
            assertEquals(200, a.status(), String.valueOf(a.body()));
            SEEDED.computeIfAbsent(company, z -> new ArrayList<>()).add(id);
        });
    }

    /** @return the ids of a zone's live objects, as its owner pulls them */
    private static List<String> idsIn(String ownerToken, String type, String zone) {
        Http.Answer a = pull(ownerToken, type, zone);
        assertEquals(200, a.status(), String.valueOf(a.body()));
        JsonObject data = a.body().getJsonObject("data").getJsonObject("data");
        List<String> ids = new ArrayList<>();
        if (data.containsKey(type)) {
            data.getJsonArray(type).stream()
                    .map(JsonValue::asJsonObject)
                    .filter(o -> !o.getBoolean("deleted", false))
                    .forEach(o -> ids.add(o.getString("id")));
        }
        return ids;
    }

    private static void assertRefused(Http.Answer a, int status, String code, String what) {
        assertEquals(status, a.status(), what + ": " + a.body());
        assertEquals("application/problem+json", a.contentType(), what);
        assertEquals(code, a.body().getString("code"), what);
        assertFalse(a.body().getBoolean("success"), what);
    }

    // --- tokens -------------------------------------------------------------------------------

    @Test
    void everyKindOfBadTokenIsA401WithItsOwnMessageAndWritesNothing() throws Exception {
        Tokens stranger = new Tokens("fastsync-test-key");
        Instant now = Instant.now();
        Map<String, Supplier<String>> cases = new LinkedHashMap<>();
        cases.put("no token: send", () -> null);
        cases.put("is not a bearer token", () -> "Basic YWxpY2U6c2VjcmV0");
        cases.put("the token is malformed", () -> "Bearer not-a-token");
        cases.put(
                "is not signed (alg: none)",
                () -> Tokens.bearer(new PlainJWT(Tokens.claims("alice").build()).serialize()));
        cases.put(
                "the token is signed with HS256",
                () -> Tokens.bearer(hs256(Tokens.claims("alice").build())));
        cases.put("the token's signature is not valid", () -> Tokens.bearer(tampered(TOKENS.token("alice", Map.of()))));
        cases.put(
                "a key this server does not know",
                () -> Tokens.bearer(new Tokens("another-key").token("alice", Map.of())));
        cases.put(
                "the token's signature is not valid (same kid, other key)",
                () -> Tokens.bearer(stranger.token("alice", Map.of())));
        cases.put(
                "the token expired at",
                () -> Tokens.bearer(TOKENS.token(
                        "alice", Map.of(), c -> c.expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))));
        cases.put(
                "the token is not valid before",
                () -> Tokens.bearer(TOKENS.token(
                        "alice", Map.of(), c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))))));
        cases.put(
                "the token's issuer is 'https://evil.test'",
                () -> Tokens.bearer(TOKENS.token("alice", Map.of(), c -> c.issuer("https://evil.test"))));
        cases.put(
                "the token's audience [someone-else] names none of [fastsync]",
                () -> Tokens.bearer(TOKENS.token("alice", Map.of(), c -> c.audience("someone-else"))));
        cases.put(
                "the token has no expiry (exp)",
                () -> Tokens.bearer(TOKENS.token("alice", Map.of(), c -> c.expirationTime(null))));
        cases.put(
                "the token names no subject (sub)",
                () -> Tokens.bearer(TOKENS.token("alice", Map.of(), c -> c.subject(null))));

        List<String> tried = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> c : cases.entrySet()) {
            String header = c.getValue().get();
            String id = UUID.randomUUID().toString();
            tried.add(id);
            String body = typeScriptPush("Note", "alice", object("Note", "alice", id, 0, "catalogue"));
            Http.Answer a = header == null
                    ? Http.post(base, "push", body)
                    : Http.post(base, "push", body, "Authorization", header);
            assertRefused(a, 401, "unauthenticated", c.getKey());
            String detail = a.body().getString("detail");
            assertTrue(detail.contains(c.getKey().replace(" (same kid, other key)", "")), c.getKey() + " -> " + detail);
            Http.Answer pulled = header == null
                    ? Http.post(base, "pull", typeScriptFirstPull("alice", "Note"))
                    : Http.post(base, "pull", typeScriptFirstPull("alice", "Note"), "Authorization", header);
            assertRefused(pulled, 401, "unauthenticated", c.getKey() + " (pull)");
        }
        List<String> stored = idsIn(tokenOf("alice"), "Note", "alice");
        assertTrue(stored.containsAll(SEEDED.get("alice")), stored.toString());
        tried.forEach(id -> assertFalse(stored.contains(id), "a refused push wrote " + id));
        assertTrue(server.logOfThisRun().contains("401 unauthenticated"), "refusals are logged");
    }

    private static String hs256(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner("a shared secret of at least 256 bits, 32 bytes!".getBytes()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature over other claims: a token someone edited. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = Base64URL.from(parts[1]).decodeToString().replace("\"alice\"", "\"carol\"");
        return parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];
    }

    /** docs/security.md's set-up: a token from {@code bin/fastsync-dev-token} (openssl) is accepted as any other. */
    @Test
    void theDevTokenScriptMakesATokenTheServerAccepts() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "dev-token");
        ProcessBuilder run = new ProcessBuilder(
                        "bash",
                        Path.of(System.getProperty("fastsync.root"), "bin", "fastsync-dev-token")
                                .toString(),
                        TOKENS.writePrivateKey(dir).toString(),
                        "alice",
                        "\"tenant\": [\"acme\"]")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        run.environment().put("FASTSYNC_TOKEN_ISSUER", Tokens.ISSUER);
        run.environment().put("FASTSYNC_TOKEN_AUDIENCE", Tokens.AUDIENCE);
        Process p = run.start();
        String token = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), "bin/fastsync-dev-token");
        assertEquals(200, pull(token, "Project", "acme").status());
        assertRefused(pull(token, "Project", "globex"), 403, "zone-forbidden", "the script's token grants acme only");
    }

    // --- the Java client: tokens and hand-over ------------------------------------------------

    private static io.fastsync.client.SyncManager client(
            java.util.concurrent.atomic.AtomicReference<String> token, List<io.fastsync.client.ZoneChange> told) {
        return new io.fastsync.client.SyncManager(
                io.fastsync.client.transport.HttpSyncTransport.to(base)
                        .tokens(refresh -> token.get())
                        .build(),
                new io.fastsync.client.store.MemoryStore(),
                io.fastsync.client.SyncOptions.DEFAULTS.withZoneChanges(change -> {
                    told.add(change);
                    return io.fastsync.client.ZoneChangeListener.DEFAULT.zoneChanged(change);
                }));
    }

    private static List<String> localIds(io.fastsync.client.type.SyncableRepository<JsonObject> repo) {
        return repo.getAll().stream().map(o -> o.getString("id")).sorted().toList();
    }

    /**
     * Frank moves from acme to globex with unpushed changes in acme: his client is told about each,
     * keeps nothing of acme, holds globex's objects only, and his per-user Notes are untouched.
     */
    @Test
    void aClientWhoseUserMovesToAnotherCompanyHandsTheZoneOver() {
        var token = new java.util.concurrent.atomic.AtomicReference<>(
                TOKENS.token("frank", Map.of("tenant", List.of("acme"))));
        List<io.fastsync.client.ZoneChange> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.fastsync.client.SyncManager frank = client(token, told);
        var projects = frank.registerDocument("Project", io.fastsync.client.type.Zone.restricted("acme"));
        var notes = frank.registerDocument("Note", io.fastsync.client.type.Zone.restricted("frank"));
        notes.add(jakarta.json.Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("text", "frank's own")
                .build());
        frank.sync();
        assertEquals(
                idsIn(tokenOf("alice"), "Project", "acme").stream().sorted().toList(), localIds(projects));

        String edited = SEEDED.get("acme").get(0);
        projects.update(
                jakarta.json.Json.createObjectBuilder(projects.findById(edited).orElseThrow())
                        .add("text", "frank's unpushed edit")
                        .build());
        String created = UUID.randomUUID().toString();
        projects.add(jakarta.json.Json.createObjectBuilder()
                .add("id", created)
                .add("text", "unpushed")
                .build());

        token.set(TOKENS.token("frank", Map.of("tenant", List.of("globex"))));
        frank.sync();

        assertEquals(1, told.size(), told.toString());
        io.fastsync.client.ZoneChange change = told.get(0);
        assertEquals("Project", change.type());
        assertEquals("acme", change.from());
        assertEquals(List.of("globex"), change.granted());
        assertEquals(
                List.of(created, edited).stream().sorted().toList(),
                change.unpushed().stream().map(o -> o.id()).sorted().toList(),
                "each unpushed change is reported");
        assertEquals(java.util.Optional.of("globex"), frank.zoneOf("Project"));
        assertEquals(
                idsIn(tokenOf("carol"), "Project", "globex").stream().sorted().toList(),
                localIds(projects),
                "globex's objects only, nothing of acme");
        assertEquals(1, notes.count(), "the per-user type is untouched");
        assertEquals(0, notes.pendingCount());
        assertFalse(idsIn(tokenOf("alice"), "Project", "acme").contains(created), "nothing reached acme");
    }

    /** Grace loses access to globex: her client stops receiving it and cannot write to it. */
    @Test
    void aClientWhoseAccessIsRevokedStopsSyncingTheZone() {
        var token = new java.util.concurrent.atomic.AtomicReference<>(
                TOKENS.token("grace", Map.of("tenant", List.of("globex"))));
        List<io.fastsync.client.ZoneChange> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.fastsync.client.SyncManager grace = client(token, told);
        var projects = grace.registerDocument("Project", io.fastsync.client.type.Zone.restricted("globex"));
        grace.sync();
        assertFalse(localIds(projects).isEmpty());

        token.set(TOKENS.token("grace", Map.of("tenant", List.of())));
        String late = UUID.randomUUID().toString();
        projects.add(jakarta.json.Json.createObjectBuilder()
                .add("id", late)
                .add("text", "too late")
                .build());
        grace.sync();

        assertEquals(List.of(), told.get(0).granted());
        assertEquals(
                List.of(late), told.get(0).unpushed().stream().map(o -> o.id()).toList());
        assertEquals(java.util.Optional.empty(), grace.zoneOf("Project"));
        assertEquals(List.of(), localIds(projects), "nothing of globex is kept");
        assertFalse(idsIn(tokenOf("carol"), "Project", "globex").contains(late), "nothing reached globex");
        // Later syncs leave the type alone; the server refuses her token for globex anyway.
        grace.sync();
        assertEquals(1, told.size());
        assertRefused(
                push(token.get(), "Project", "globex", object("Project", "globex", late, 0, "direct")),
                403,
                "zone-forbidden",
                "a revoked user writing directly");
    }

    // --- zones ----------------------------------------------------------------------------------

    @Test
    void noCallerOfOneCompanyReadsOrWritesTheOther() {
        List<Http.Answer> answers = new ArrayList<>();
        for (String attackerCompany : COMPANIES.keySet()) {
            String victimCompany = attackerCompany.equals("acme") ? "globex" : "acme";
            for (String attacker : COMPANIES.get(attackerCompany)) {
                String token = tokenOf(attacker);
                List<String[]> victimZones = new ArrayList<>();
                COMPANIES.get(victimCompany).forEach(user -> victimZones.add(new String[] {"Note", user}));
                victimZones.add(new String[] {"Project", victimCompany});
                for (String[] tz : victimZones) {
                    String type = tz[0];
                    String zone = tz[1];
                    String what = attacker + " on " + type + " " + zone;
                    String victimId = SEEDED.get(zone).get(0);
                    String ownZone = type.equals("Note") ? attacker : attackerCompany;

                    Http.Answer a = pull(token, type, zone);
                    assertRefused(a, 403, "zone-forbidden", what + ": pull");
                    answers.add(a);

                    a = Http.post(
                            base,
                            "pull",
                            io.fastsync.wire.testing.OldClientBodies.dartPull(type, zone, 1),
                            Tokens.authorization(token));
                    assertRefused(a, 403, "zone-forbidden", what + ": the victim's cursor");
                    answers.add(a);

                    a = push(
                            token,
                            type,
                            zone,
                            object(type, zone, UUID.randomUUID().toString(), 0, "planted"));
                    assertRefused(a, 403, "zone-forbidden", what + ": create");
                    answers.add(a);

                    // The same unused id for every attacker of a company, as the victim's id is.
                    String unused = UNUSED.computeIfAbsent(
                            ownZone + "/" + victimId, k -> UUID.randomUUID().toString());
                    for (int op : new int[] {1, 2}) {
                        a = push(token, type, zone, typeScriptObject(type, zone, victimId, op, 2, "\"text\": \"x\""));
                        assertRefused(a, 403, "zone-forbidden", what + ": operation " + op + " in the victim's zone");
                        answers.add(a);
                        // The id into the attacker's own zone: ids are per zone, so this is an object of
                        // the attacker's own, answered exactly as an id that exists nowhere.
                        Http.Answer probe = push(
                                token,
                                type,
                                ownZone,
                                typeScriptObject(type, ownZone, unused, op, 2, "\"text\": \"x\""));
                        a = push(
                                token,
                                type,
                                ownZone,
                                typeScriptObject(type, ownZone, victimId, op, 2, "\"text\": \"x\""));
                        assertEquals(
                                200, a.status(), what + ": operation " + op + " by id in its own zone " + a.body());
                        assertEquals(
                                withoutIdAndVersions(probe, unused),
                                withoutIdAndVersions(a, victimId),
                                what + ": operation " + op + " by id in its own zone tells nothing of the victim's");
                        answers.add(a);
                    }
                }
                // The victim's idempotency key means nothing to another caller: a push of its own.
                Http.Answer a = pushKeyed(
                        token,
                        "seed-key-" + victimCompany,
                        "Note",
                        attacker,
                        object("Note", attacker, UUID.randomUUID().toString(), 0, "probe by " + attacker));
                assertEquals(200, a.status(), attacker + ": key probe " + a.body());
                assertFalse(a.body().getJsonObject("data").getBoolean("replayed", false), attacker);
                answers.add(a);
            }
        }
        for (Http.Answer a : answers) {
            String text = String.valueOf(a.body());
            COMPANIES.keySet().forEach(company -> {
                // refusals and push results hold no object's data at all
                if (text.contains(sentinel(company))) {
                    throw new AssertionError("an answer shows " + sentinel(company) + ": " + text);
                }
            });
        }
        // Nothing of the victims changed: each zone's seed is as its owner pushed it, nothing was
        // planted, and no zone holds the other company's data.
        COMPANIES.forEach((company, users) -> {
            String other = sentinel(company.equals("acme") ? "globex" : "acme");
            assertSeedIntact(tokenOf(users.get(0)), "Project", company, sentinel(company) + " project", other);
            for (String user : users) {
                assertSeedIntact(tokenOf(user), "Note", user, sentinel(company) + " note of " + user, other);
            }
        });
    }

    /** @return the answer's text with the id and every version number replaced, to compare two answers */
    private static String withoutIdAndVersions(Http.Answer a, String id) {
        // The marks are when the caller's own zone was marked (at most once a second): its own, and timing.
        return String.valueOf(a.body())
                .replace(id, "ID")
                .replaceAll("\"version\":\\d+", "\"version\":N")
                .replaceAll("\"marks\":\\{[^}]*}", "\"marks\":M");
    }

    private static void assertSeedIntact(String ownerToken, String type, String zone, String seedText, String foreign) {
        Http.Answer a = pull(ownerToken, type, zone);
        assertEquals(200, a.status(), String.valueOf(a.body()));
        JsonObject seed = a.body()
                .getJsonObject("data")
                .getJsonObject("data")
                .getJsonArray(type)
                .getJsonObject(0);
        assertEquals(SEEDED.get(zone).get(0), seed.getString("id"), zone);
        assertEquals(seedText, seed.getString("text"), zone);
        String text = a.body().toString();
        assertFalse(text.contains("planted"), zone + ": nothing was planted");
        assertFalse(text.contains(foreign), zone + " holds the other company's data");
    }

    @Test
    void aUserOfSeveralCompaniesUsesEachAndIsToldItsZonesWhenRefused() {
        String erin = tokenOf("erin");
        assertEquals(200, pull(erin, "Project", "acme").status());
        Http.Answer a = push(
                erin,
                "Project",
                "initech",
                object("Project", "initech", UUID.randomUUID().toString(), 0, "i"));
        assertEquals(200, a.status(), String.valueOf(a.body()));

        // Erin leaves initech: her new token grants acme only, and a refusal says so.
        String erinAfter = TOKENS.token("erin", Map.of("tenant", List.of("acme")));
        Http.Answer refused = pull(erinAfter, "Project", "initech");
        assertRefused(refused, 403, "zone-forbidden", "a zone no longer granted");
        assertEquals(
                List.of("acme"),
                refused
                        .body()
                        .getJsonObject("zones")
                        .getJsonArray("Project")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
    }

    @Test
    void everyoneAuthenticatedReadsGlobalTypesAndOnlyTheWritersGroupWritesThem() {
        String id = UUID.randomUUID().toString();
        assertRefused(
                push(tokenOf("alice"), "Catalog", "Global", object("Catalog", "Global", id, 0, "by alice")),
                403,
                "zone-forbidden",
                "a user outside the writers' group");
        String admin = TOKENS.token("admin", Map.of("groups", List.of(WRITERS)));
        assertEquals(
                200,
                push(admin, "Catalog", "Global", object("Catalog", "Global", id, 0, "by admin"))
                        .status());
        assertEquals(List.of(id), idsIn(tokenOf("carol"), "Catalog", "Global"));
        assertRefused(
                Http.post(base, "pull", typeScriptFirstPull("Global", "Catalog")),
                401,
                "unauthenticated",
                "global types need a token too");
    }

    @Test
    void theAdminApiIsForTheAdminGroupOnly() {
        String admin = TOKENS.token("operator", Map.of("groups", List.of("fastsync-admin")));
        Http.Answer types = Http.get(base, "admin/types", Tokens.authorization(admin));
        assertEquals(200, types.status(), String.valueOf(types.body()));
        assertTrue(
                types.body().getJsonArray("types").toString().contains("\"name\":\"Catalog\""),
                types.body().toString());
        for (String path : List.of("admin/types", "admin/types/Item/zones", "admin/refusals", "admin/conflicts")) {
            assertRefused(
                    Http.get(base, path, Tokens.authorization(tokenOf("alice"))), 403, "admin-only", "alice: " + path);
            assertRefused(
                    Http.get(base, path, Tokens.authorization(TOKENS.token("w", Map.of("groups", List.of(WRITERS))))),
                    403,
                    "admin-only",
                    "a global writer: " + path);
            assertRefused(Http.get(base, path), 401, "unauthenticated", "no token: " + path);
        }
        // The command-line tool with each token.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                0,
                io.fastsync.client.cli.FastSyncCli.run(
                        new String[] {"--server", base.toString(), "--token", admin, "admin", "types"}, o, e, false),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                types.body().toString(),
                out.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
        assertEquals(
                1,
                io.fastsync.client.cli.FastSyncCli.run(
                        new String[] {"--server", base.toString(), "--token", tokenOf("alice"), "admin", "refusals"},
                        o,
                        e,
                        false));
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("admin-only"), err.toString());
    }

    /**
     * Every resource method of the built WAR (its own classes and FastSync's jars, read from the
     * archive itself) needs a token: a new endpoint without the authentication fails here. The
     * only operations reachable without one are the browsers' preflights, on the list below.
     * Nothing describes the API or names the server's software to an anonymous caller.
     */
    @Test
    void everyEndpointNeedsAToken() throws Exception {
        List<String> open = List.of("OPTIONS /fastsync/push", "OPTIONS /fastsync/pull");
        List<String> operations = WarResources.operations(Path.of(System.getProperty("fastsync.war")));
        assertTrue(
                operations.containsAll(List.of("POST /fastsync/push", "POST /fastsync/pull")), operations.toString());
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            // a path parameter ({type}) gets a value of its own
            Http.Answer a =
                    Http.send(base.resolve("/").resolve(parts[1].substring(1).replaceAll("\\{[^}]+}", "x")), parts[0]);
            if (open.contains(operation)) {
                // a browser's preflight: no data, whoever asks
                assertEquals(204, a.status(), operation);
            } else if (parts[0].equals("HEAD")) {
                // refused before anything else, as every operation; a HEAD answer has no body
                assertEquals(401, a.status(), operation);
            } else {
                assertRefused(a, 401, "unauthenticated", operation);
            }
            assertEquals(null, a.header("Server"), "no Server header");
            assertEquals(null, a.header("X-Powered-By"), "no X-Powered-By header");
        }
        Http.Answer wadl = Http.get(base, "application.wadl");
        assertEquals(404, wadl.status(), "no WADL");
    }
    /** A change stream is held to the zones its token grants, as a pull is, and needs a token at all. */
    @Test
    void aChangeStreamIsToldOnlyOfTheZonesItsTokenGrants() throws Exception {
        ChangeStream anonymous = ChangeStream.open(base, ChangeStream.cursor("Note", "alice", 0));
        assertEquals(401, anonymous.status());
        assertEquals("unauthenticated", anonymous.problem().getString("code"));

        ChangeStream foreign =
                ChangeStream.open(base, ChangeStream.cursor("Note", "bob", 0), Tokens.authorization(tokenOf("alice")));
        assertEquals(403, foreign.status());
        assertEquals("zone-forbidden", foreign.problem().getString("code"));

        long current = idsIn(tokenOf("alice"), "Note", "alice").size();
        String versions = "{\"Note\": {\"syncZone\": \"alice\", \"version\": 1000000}}";
        try (ChangeStream own = ChangeStream.open(base, versions, Tokens.authorization(tokenOf("alice")))) {
            assertEquals(200, own.status());
            assertEquals("ready", own.next(java.time.Duration.ofSeconds(10)).name());
            assertEquals(
                    200,
                    push(tokenOf("bob"), "Note", "bob", object("Note", "bob", "bob-live", 0, "not for alice"))
                            .status());
            assertEquals(null, own.next(java.time.Duration.ofSeconds(1)), "bob's zone is not told to alice");
        }
        try (ChangeStream own = ChangeStream.open(
                base, ChangeStream.cursor("Note", "alice", 0), Tokens.authorization(tokenOf("alice")))) {
            ChangeStream.Event seeded = own.next(java.time.Duration.ofSeconds(10));
            assertEquals("changed", seeded.name(), "alice's own zone, behind her cursor 0 (" + current + " notes)");
            assertEquals("alice", seeded.data().getString("syncZone"));
        }
    }
}
