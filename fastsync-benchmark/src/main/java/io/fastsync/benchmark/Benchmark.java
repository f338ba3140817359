package io.fastsync.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FastSync benchmark: each workload measured first as plain JDBC on the database (the limit),
 * then through the standalone server over HTTP, in the same run on the same machine.
 * Run it with {@code bin/fastsync-benchmark}; {@code --help} lists the options.
 */
public final class Benchmark {

    private int objects = 100_000;
    private int bigZone = 1_000_000;
    private int runs = 3;
    private int samples = 200;
    private int clients = 200;
    private double loadSeconds = 60;
    private String postgresUrl;
    private String postgresUser = "postgres";
    private String postgresPassword = "";
    private Path dir;
    private String serverOptions = "";
    private int idleSubscribers = 10_000;
    private int liveSubscribers = 1_000;
    private int stalledSubscribers = 16;
    /**
     * Pushes to the live zone before measuring beside the stalled streams: each tells every stream
     * of the zone (about 90 bytes), and a loopback connection takes about 1.6 MB before its
     * sender's writes have nowhere to go.
     */
    private int stallPushes = 40_000;

    private Set<String> only = Set.of("push", "incremental", "load", "subscribers", "heap");

    /** Pulls of the 20,000-object warm-up zone before measuring: until the JIT has settled, figures climb run by run. */
    private static final int WARM_UP_PULLS = 30;

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    b.objects = 20_000;
                    b.bigZone = 200_000;
                    b.runs = 1;
                    b.samples = 50;
                    b.clients = 50;
                    b.loadSeconds = 15;
                    b.idleSubscribers = 2_000;
                    b.liveSubscribers = 200;
                    b.stallPushes = 30_000;
                }
                case "--subscribers" -> b.idleSubscribers = Integer.parseInt(args[++i]);
                case "--live-subscribers" -> b.liveSubscribers = Integer.parseInt(args[++i]);
                case "--stalled" -> b.stalledSubscribers = Integer.parseInt(args[++i]);
                case "--stall-pushes" -> b.stallPushes = Integer.parseInt(args[++i]);
                case "--runs" -> b.runs = Integer.parseInt(args[++i]);
                case "--objects" -> b.objects = Integer.parseInt(args[++i]);
                case "--big-zone" -> b.bigZone = Integer.parseInt(args[++i]);
                case "--samples" -> b.samples = Integer.parseInt(args[++i]);
                case "--clients" -> b.clients = Integer.parseInt(args[++i]);
                case "--seconds" -> b.loadSeconds = Double.parseDouble(args[++i]);
                case "--postgres" -> b.postgresUrl = args[++i];
                case "--user" -> b.postgresUser = args[++i];
                case "--password" -> b.postgresPassword = args[++i];
                case "--dir" -> b.dir = Path.of(args[++i]);
                case "--server-options" -> b.serverOptions = args[++i];
                case "--only" -> b.only = Set.of(args[++i].split(","));
                default -> {
                    System.out.println("""
                            usage: fastsync-benchmark [--quick] [--runs N] [--objects N] [--big-zone N] [--samples N]
                                                      [--clients N] [--seconds S] [--postgres JDBC-URL [--user U] [--password P]]
                              --quick      small sizes and one run, to try it out (about 2 minutes)
                              --postgres   use a running PostgreSQL (a database fastsync_benchmark is made there,
                                           dropped first if it exists) instead of starting an embedded one
                              --only W,..  some of the workloads: push (with full pull), incremental, load,
                                           subscribers, heap
                              --subscribers N  idle change-stream subscribers to hold open (10,000)
                              --live-subscribers N  subscribers of the one zone that is pushed to (1,000)
                              --stalled N  subscribers of that zone that never read (16; 0: none)
                              --stall-pushes N  pushes to that zone before measuring beside them (40,000:
                                           their events must overflow what a loopback connection holds)
                              --server-options "..."   more JVM options for the server, e.g. a profiler:
                                           "-XX:StartFlightRecording=filename=server.jfr,settings=profile"
                            """);
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
            }
        }
        if (b.dir == null) {
            b.dir = Path.of(Benchmark.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
        }
        b.run();
    }

    private void run() throws Exception {
        System.out.println("FastSync benchmark: " + objects + " objects, zones of " + objects + " and " + bigZone + ", "
                + runs + " run(s) (medians), " + clients + " clients for " + loadSeconds + " s");
        System.out.println("machine: " + machine());
        try (Database db = postgresUrl == null
                ? Database.embedded()
                : Database.external(postgresUrl, postgresUser, postgresPassword)) {
            System.out.println("database: " + db.describe());
            JdbcLimit jdbc = new JdbcLimit(db);
            try (FastSyncServer server = FastSyncServer.start(dir, db, "512m", serverOptions)) {
                System.out.println("server: Payara Micro, -Xmx" + server.heap + ", " + server.base);
                jdbc.createTables();
                OverHttp fastsync = new OverHttp(new Http(server.base));
                if (only.contains("incremental") || only.contains("heap")) {
                    fill(db, "small", objects);
                    fill(db, "big", bigZone);
                }
                double fullPullSpeed = only.contains("push") ? pushAndPull(jdbc, fastsync) : Double.NaN;
                if (only.contains("incremental")) {
                    incremental(db, jdbc, fastsync, new Http(server.base));
                }
                if (only.contains("load")) {
                    load(new Http(server.base));
                }
                if (only.contains("subscribers")) {
                    subscribers(server, new Http(server.base));
                }
                System.out.println("server's peak resident memory: " + server.residentMiB() + " MiB");
                server.close();
                if (only.contains("heap")) {
                    pullAtSmallHeap(db, jdbc, fullPullSpeed);
                }
            }
        }
        report();
    }

    // ---------------------------------------------------------------- workloads 1 and 2

    private double pushAndPull(JdbcLimit jdbc, OverHttp fastsync) throws Exception {
        double[] jdbcAdds = new double[runs];
        double[] jdbcEdits = new double[runs];
        double[] fsAdds = new double[runs];
        double[] fsEdits = new double[runs];
        double[] jdbcPull = new double[runs];
        double[] fsPull = new double[runs];
        long timestamp = System.currentTimeMillis() * 1000;
        warmUp(jdbc, fastsync, timestamp);
        for (int r = 0; r < runs; r++) {
            List<List<Objects.Change>> adds = adds(objects);
            List<List<Objects.Change>> edits = edits(objects);
            jdbcAdds[r] = jdbc.push("jdbc-" + r, "j" + r, adds, timestamp);
            OverHttp.Pushed added = fastsync.push("push-" + r, "p" + r, adds, timestamp);
            check(added.applied() == objects, "adds: " + added);
            fsAdds[r] = added.perSecond();
            jdbcEdits[r] = jdbc.push("jdbc-" + r, "j" + r, edits, timestamp + 1000);
            OverHttp.Pushed edited = fastsync.push("push-" + r, "p" + r, edits, timestamp + 1000);
            int stale = objects / 100;
            check(edited.resolved() == stale && edited.applied() == objects - stale, "edits: " + edited);
            fsEdits[r] = edited.perSecond();
            JdbcLimit.Read limit = jdbc.pull("push-" + r, 0, 1000);
            JdbcLimit.Read pulled = fastsync.pull("push-" + r, 0, 1000);
            check(
                    limit.objects() == objects && pulled.objects() == objects,
                    "full pull: JDBC read " + limit.objects() + ", FastSync " + pulled.objects() + ", expected "
                            + objects);
            jdbcPull[r] = limit.perSecond();
            fsPull[r] = pulled.perSecond();
            System.out.printf(
                    Locale.ROOT,
                    "run %d: push new %,.0f vs %,.0f/s, edits %,.0f vs %,.0f/s, full pull %,.0f vs %,.0f/s"
                            + " (JDBC vs FastSync; %,d bytes vs %,d bytes of JSON)%n",
                    r + 1,
                    jdbcAdds[r],
                    fsAdds[r],
                    jdbcEdits[r],
                    fsEdits[r],
                    jdbcPull[r],
                    fsPull[r],
                    limit.bytes(),
                    pulled.bytes());
        }
        ratioRow(
                String.format(Locale.ROOT, "push: %,d new objects, 500 per push", objects),
                median(jdbcAdds),
                median(fsAdds),
                0.5);
        ratioRow("push: the same edited (1 % stale, 1 % deleted)", median(jdbcEdits), median(fsEdits), 0.5);
        ratioRow(
                String.format(Locale.ROOT, "full pull of %,d objects, pages of 1,000", objects),
                median(jdbcPull),
                median(fsPull),
                0.4);
        return median(fsPull);
    }

    /**
     * One uncounted round of each, so that both sides run compiled code on tables whose
     * statistics the planner knows, as a server that has been up for a while does.
     */
    private void warmUp(JdbcLimit jdbc, OverHttp fastsync, long timestamp) throws Exception {
        long start = System.nanoTime();
        int count = Math.min(objects, 20_000);
        jdbc.push("jdbc-warm-up", "jw", adds(count), timestamp);
        jdbc.push("jdbc-warm-up", "jw", edits(count), timestamp + 1000);
        fastsync.push("warm-up", "w", adds(count), timestamp);
        fastsync.push("warm-up", "w", edits(count), timestamp + 1000);
        for (int i = 0; i < WARM_UP_PULLS; i++) {
            jdbc.pull("warm-up", 0, 1000);
            fastsync.pull("warm-up", 0, 1000);
        }
        jdbc.analyze();
        jdbc.checkPlans("jdbc-warm-up", Objects.id("jw", 1), Objects.id("jw", count / 2));
        System.out.printf(
                Locale.ROOT,
                "warm-up: %,d objects pushed and pulled %d times by each, tables analysed, in %.1f s%n",
                count,
                WARM_UP_PULLS,
                JdbcLimit.seconds(start));
    }

    private static List<List<Objects.Change>> adds(int count) {
        List<List<Objects.Change>> batches = new ArrayList<>();
        for (int start = 0; start < count; start += 500) {
            List<Objects.Change> batch = new ArrayList<>(500);
            for (int n = start; n < Math.min(count, start + 500); n++) {
                batch.add(new Objects.Change(n, 0, 0, false));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Every object edited once; one in a hundred from a stale base (a conflict), one in a hundred deleted. */
    private static List<List<Objects.Change>> edits(int count) {
        List<List<Objects.Change>> batches = new ArrayList<>();
        for (int start = 0; start < count; start += 500) {
            List<Objects.Change> batch = new ArrayList<>(500);
            for (int n = start; n < Math.min(count, start + 500); n++) {
                long version = n + 1; // the adds were pushed in order into a fresh zone
                if (n % 100 == 0) {
                    batch.add(new Objects.Change(n, 1, version - 1, false));
                } else if (n % 100 == 50) {
                    batch.add(new Objects.Change(n, 1, version, true));
                } else {
                    batch.add(new Objects.Change(n, 1, version, false));
                }
            }
            batches.add(batch);
        }
        return batches;
    }

    // ---------------------------------------------------------------- workload 3

    /** A zone of FastSync's table filled by SQL, as if pushed: versions 1..count. */
    private static void fill(Database db, String zone, int count) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO fastsync_document"
                        + " (type_name, id, sync_zone, sync_version, sync_timestamp, sync_operation, deleted, body)"
                        + " SELECT ?, ? || '-' || i, ?, i, ?, 0, false, '{\"name\":\"item ' || i || '\",\"qty\":' || (i % 97)"
                        + " || ',\"price\":' || (i % 1000) || '.5,\"revision\":0,\"done\":false,\"note\":\"' || ? || '\"}'"
                        + " FROM generate_series(1, ?) AS i");
                Statement plain = c.createStatement()) {
            s.setString(1, Objects.TYPE);
            s.setString(2, zone);
            s.setString(3, zone);
            s.setLong(4, System.currentTimeMillis() * 1000);
            s.setString(5, Objects.NOTE_TEXT);
            s.setInt(6, count);
            s.executeUpdate();
            plain.executeUpdate("INSERT INTO fastsync_version (type_name, sync_zone, last_version) VALUES ('"
                    + Objects.TYPE + "', '" + zone + "', " + count + ")");
            plain.execute("VACUUM ANALYZE fastsync_document");
        }
        System.out.printf(
                Locale.ROOT,
                "zone %s filled with %,d objects by SQL in %.1f s%n",
                zone,
                count,
                JdbcLimit.seconds(start));
    }

    /** @param http pushes the changes that each sample then pulls */
    private void incremental(Database db, JdbcLimit jdbc, OverHttp fastsync, Http http) throws Exception {
        double[] p50 = new double[2];
        int z = 0;
        for (String zone : List.of("small", "big")) {
            int size = zone.equals("small") ? objects : bigZone;
            long[] fs = new long[samples];
            long[] limit = new long[samples];
            Random random = new Random(42);
            try (Connection c = db.connect()) {
                for (int s = -50; s < samples; s++) {
                    long cursor = lastVersion(c, zone);
                    List<Objects.Change> changes = new ArrayList<>(100);
                    int revision = 1000 + s;
                    random.ints(0, size)
                            .distinct()
                            .limit(100)
                            .sorted()
                            .forEach(n -> changes.add(new Objects.Change(n + 1, revision, 1, false)));
                    http.post("push", Objects.pushBody(zone, zone, changes, System.currentTimeMillis() * 1000), null)
                            .ok("edits");
                    long start = System.nanoTime();
                    JdbcLimit.Read pulled = fastsync.pull(zone, cursor, 1000);
                    long fsNanos = System.nanoTime() - start;
                    JdbcLimit.Read read = jdbc.pull(c, zone, cursor, 1000);
                    check(
                            pulled.objects() == 100 && read.objects() == 100,
                            "incremental: FastSync " + pulled.objects() + ", JDBC " + read.objects()
                                    + ", expected 100");
                    if (s >= 0) {
                        fs[s] = fsNanos;
                        limit[s] = (long) (read.seconds() * 1e9);
                    }
                }
            }
            Arrays.sort(fs);
            Arrays.sort(limit);
            String what = String.format(Locale.ROOT, "incremental pull: 100 changes in %,d", size);
            rows.add(new String[] {
                what + ", p50",
                ms(percentile(limit, 50)),
                ms(percentile(fs, 50)),
                "",
                "<= 5 ms",
                verdict(percentile(fs, 50) <= 5e6)
            });
            rows.add(new String[] {
                what + ", p99",
                ms(percentile(limit, 99)),
                ms(percentile(fs, 99)),
                "",
                "<= 25 ms",
                verdict(percentile(fs, 99) <= 25e6)
            });
            p50[z++] = percentile(fs, 50);
        }
        double growth = p50[1] / p50[0];
        rows.add(new String[] {
            String.format(Locale.ROOT, "incremental p50, zone of %,d / zone of %,d", bigZone, objects),
            "",
            String.format(Locale.ROOT, "%.2fx", growth),
            "",
            "<= 1.3x",
            verdict(growth <= 1.3)
        });
    }

    private static long lastVersion(Connection c, String zone) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT last_version FROM fastsync_version WHERE type_name = ? AND sync_zone = ?")) {
            s.setString(1, Objects.TYPE);
            s.setString(2, zone);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- workload 4

    private void pullAtSmallHeap(Database db, JdbcLimit jdbc, double fullPullSpeed) throws Exception {
        try (FastSyncServer small = FastSyncServer.start(dir, db, "256m", serverOptions)) {
            OverHttp fastsync = new OverHttp(new Http(small.base));
            // Measured warm, as the first server is: the same warm-up, then one uncounted pull of the
            // whole zone (a fresh JVM still compiles for minutes; its first pull here was 40 % slower).
            for (int i = 0; i < WARM_UP_PULLS; i++) {
                fastsync.pull("warm-up", 0, 1000);
            }
            fastsync.pull("big", 0, 1000);
            double[] fs = new double[runs];
            double[] limit = new double[runs];
            for (int r = 0; r < runs; r++) {
                JdbcLimit.Read read = jdbc.pull("big", 0, 1000);
                JdbcLimit.Read pulled = fastsync.pull("big", 0, 1000);
                check(
                        read.objects() == bigZone && pulled.objects() == bigZone,
                        "pull of the big zone: JDBC " + read.objects() + ", FastSync " + pulled.objects()
                                + ", expected " + bigZone);
                limit[r] = read.perSecond();
                fs[r] = pulled.perSecond();
                System.out.printf(
                        Locale.ROOT,
                        "run %d: pull of %,d at -Xmx256m: %,.0f vs %,.0f/s%n",
                        r + 1,
                        bigZone,
                        limit[r],
                        fs[r]);
            }
            check(!small.logMentions("OutOfMemoryError"), "the server ran out of memory; see " + small.log);
            System.out.println(
                    "server at -Xmx256m: peak resident memory " + small.residentMiB() + " MiB, no OutOfMemoryError");
            double speed = median(fs);
            boolean compared = !Double.isNaN(fullPullSpeed);
            rows.add(new String[] {
                String.format(Locale.ROOT, "pull of %,d objects, server heap 256 MiB", bigZone),
                perSecond(median(limit)),
                perSecond(speed),
                compared
                        ? String.format(Locale.ROOT, "%.0f %% of full pull", 100 * speed / fullPullSpeed)
                        : "full pull not run",
                ">= 90 % of full pull",
                compared ? verdict(speed >= 0.9 * fullPullSpeed) : ""
            });
        }
    }

    // ---------------------------------------------------------------- workload 5

    private void load(Http http) throws Exception {
        Load.Result r = Load.run(http, clients, loadSeconds, 10);
        System.out.printf(
                Locale.ROOT,
                "%d clients for %.0f s: %,d requests (%,.0f/s), %,d objects pushed, %,d pulled, %d errors%n",
                r.clients(),
                r.seconds(),
                r.requests(),
                r.requestsPerSecond(),
                r.objectsPushed(),
                r.objectsPulled(),
                r.errors());
        r.firstErrors().forEach(e -> System.out.println("  error: " + e));
        rows.add(new String[] {
            String.format(Locale.ROOT, "%d clients, push 10 + pull, %.0f s", r.clients(), r.seconds()),
            "",
            String.format(
                    Locale.ROOT,
                    "%,.0f req/s; push p50 %s p99 %s; pull p50 %s p99 %s; %d errors",
                    r.requestsPerSecond(),
                    ms(percentile(r.pushNanos(), 50)),
                    ms(percentile(r.pushNanos(), 99)),
                    ms(percentile(r.pullNanos(), 50)),
                    ms(percentile(r.pullNanos(), 99)),
                    r.errors()),
            "",
            "0 errors",
            verdict(r.errors() == 0)
        });
    }

    // ---------------------------------------------------------------- workload 6

    /**
     * Idle change streams held open on the 512 MiB server, each on a zone of its own; then, with
     * them still open, live ones on one zone: the time from a push's answer to each live
     * stream's {@code changed}, over several pushes; then the same beside streams of that zone
     * that never read.
     */
    private void subscribers(FastSyncServer server, Http http) throws Exception {
        try (Subscribers subscribers = new Subscribers()) {
            long opening = System.nanoTime();
            subscribers.open(server.base, "idle", idleSubscribers, false);
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            check(subscribers.failures().isEmpty(), "idle subscribers failed: " + subscribers.failures());
            long resident = server.residentMiB();
            System.out.printf(
                    Locale.ROOT,
                    "%,d idle subscribers open in %.1f s; server resident %d MiB (-Xmx%s)%n",
                    idleSubscribers,
                    openSeconds,
                    resident,
                    server.heap);
            List<Subscribers.Lines> live = subscribers.open(server.base, "live", liveSubscribers, true);
            Told told = pushToLive(http, live, "l", true);
            check(!server.logMentions("OutOfMemoryError"), "the server ran out of memory; see " + server.log);
            String p50 = ms(told.fromAnswer(), 50);
            String p99 = ms(told.fromAnswer(), 99);
            System.out.printf(
                    Locale.ROOT,
                    "%,d live subscribers (beside the idle ones), %d pushes: push answer to event p50 %s, p99 %s;"
                            + " push sent to event p50 %s, p99 %s; push round trip p50 %s%n",
                    liveSubscribers,
                    told.pushes(),
                    p50,
                    p99,
                    ms(told.fromSent(), 50),
                    ms(told.fromSent(), 99),
                    ms(told.pushMicros(), 50));
            rows.add(new String[] {
                String.format(Locale.ROOT, "%,d idle change streams, server heap %s", idleSubscribers, server.heap),
                "",
                String.format(Locale.ROOT, "open, %d MiB resident", resident),
                "",
                "no OutOfMemoryError",
                verdict(true)
            });
            rows.add(new String[] {
                String.format(Locale.ROOT, "push answer to event, %,d subscribers", liveSubscribers),
                "",
                "p50 " + p50 + ", p99 " + p99 + " (after the answer)",
                "",
                "",
                ""
            });
            if (stalledSubscribers > 0) {
                stalled(server, http, subscribers, live);
            }
        }
    }

    /**
     * The same, beside subscribers of the live zone that never read. The live subscribers leave
     * first, as the stalled streams must be told more than their connections hold before they
     * stall (each push would otherwise tell the live ones too, and take that much longer); then
     * as many open again and are measured as before. A server that fails under the pushes is
     * reported, not measured.
     */
    private void stalled(FastSyncServer server, Http http, Subscribers subscribers, List<Subscribers.Lines> before)
            throws Exception {
        long residentBefore = server.residentNowMiB();
        before.forEach(Subscribers.Lines::cancel);
        try (StalledStreams stalled = StalledStreams.open(server.base, "live", stalledSubscribers)) {
            Filled filled = fill(http, "live", stallPushes, 180);
            System.out.printf(
                    Locale.ROOT,
                    "%d stalled subscribers of the live zone: %,d pushes to it in %.1f s%s; server resident %d MiB%n",
                    stalled.size(),
                    filled.pushes(),
                    filled.seconds(),
                    filled.failure() == null ? "" : ", then a push failed (" + filled.failure() + ")",
                    server.residentNowMiB());
            String measured;
            if (filled.failure() != null) {
                measured = "not measured: a push failed (" + filled.failure() + ")";
            } else {
                try {
                    List<Subscribers.Lines> live = subscribers.open(server.base, "live", liveSubscribers, true);
                    Told told = pushToLive(http, live, "s", false);
                    measured = "p50 " + ms(told.fromAnswer(), 50) + ", p99 " + ms(told.fromAnswer(), 99)
                            + " (after the answer)"
                            + (told.missed() > 0
                                    ? String.format(Locale.ROOT, "; %,d not told within 30 s", told.missed())
                                    : "");
                    System.out.printf(
                            Locale.ROOT,
                            "%,d live subscribers beside %d stalled ones, %d pushes: push answer to event p50 %s,"
                                    + " p99 %s; push sent to event p50 %s, p99 %s; push round trip p50 %s;"
                                    + " %,d not told within 30 s%n",
                            liveSubscribers,
                            stalled.size(),
                            told.pushes(),
                            ms(told.fromAnswer(), 50),
                            ms(told.fromAnswer(), 99),
                            ms(told.fromSent(), 50),
                            ms(told.fromSent(), 99),
                            ms(told.pushMicros(), 50),
                            told.missed());
                } catch (IOException | IllegalStateException failed) {
                    measured = "not measured: " + shortened(failed.getMessage());
                    System.out.println("beside the stalled subscribers, " + measured);
                }
            }
            long residentAfter = server.residentNowMiB();
            boolean outOfMemory = server.logMentions("OutOfMemoryError");
            System.out.printf(
                    Locale.ROOT,
                    "server resident %d MiB before the stalled subscribers, %d MiB after; %s%n",
                    residentBefore,
                    residentAfter,
                    outOfMemory ? "OutOfMemoryError in " + server.log : "no OutOfMemoryError");
            rows.add(new String[] {
                String.format(
                        Locale.ROOT,
                        "push answer to event, %,d subscribers + %d stalled",
                        liveSubscribers,
                        stalled.size()),
                "",
                measured,
                "",
                "",
                ""
            });
            rows.add(new String[] {
                String.format(
                        Locale.ROOT,
                        "%d stalled change streams, %,d pushes, server heap %s",
                        stalled.size(),
                        filled.pushes(),
                        server.heap),
                "",
                String.format(Locale.ROOT, "%d MiB resident before, %d MiB after", residentBefore, residentAfter),
                "",
                "no OutOfMemoryError",
                verdict(!outOfMemory)
            });
        }
    }

    /** @return the text cut to its first line and at most 100 characters */
    private static String shortened(String text) {
        String line = String.valueOf(text).lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }

    /** What the live subscribers saw of some pushes, in microseconds; {@code missed}: events that never came. */
    private record Told(int pushes, List<Long> fromAnswer, List<Long> fromSent, List<Long> pushMicros, int missed) {}

    /**
     * Pushes one new object at a time to the live zone, ten times, and waits after each for every
     * subscriber's {@code changed}, at most 30 s.
     *
     * @param mustTell whether a subscriber not told by then is a wrong result; if not, it is
     *                 counted, and no more pushes follow
     */
    private static Told pushToLive(Http http, List<Subscribers.Lines> live, String prefix, boolean mustTell)
            throws Exception {
        List<Long> fromAnswer = new ArrayList<>();
        List<Long> fromSent = new ArrayList<>();
        List<Long> pushMicros = new ArrayList<>();
        int missed = 0;
        int pushes = 0;
        while (pushes < 10 && missed == 0) {
            int p = pushes++;
            long[] before = live.stream().mapToLong(l -> l.changes.get()).toArray();
            long sent = System.nanoTime();
            http.post(
                            "push",
                            Objects.pushBody(
                                    "live", prefix + p, List.of(new Objects.Change(p, 1, 0, false)), nowMicros()),
                            null)
                    .ok("push to the live zone");
            long answered = System.nanoTime();
            pushMicros.add((answered - sent) / 1_000);
            long deadline = answered + TimeUnit.SECONDS.toNanos(30);
            for (int i = 0; i < live.size(); i++) {
                while (live.get(i).changes.get() == before[i] && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (live.get(i).changes.get() == before[i]) {
                    check(!mustTell, "live subscriber " + i + " was not told of push " + p);
                    missed++;
                    continue;
                }
                // Negative where the event came before the push's answer: the commit tells
                // subscribers before the answer is written.
                fromAnswer.add((live.get(i).lastChangedAt.get() - answered) / 1_000);
                fromSent.add((live.get(i).lastChangedAt.get() - sent) / 1_000);
            }
        }
        return new Told(pushes, fromAnswer, fromSent, pushMicros, missed);
    }

    /** Pushes made by {@link #fill}; {@code failure}: the first that failed, after which none followed. */
    private record Filled(int pushes, double seconds, String failure) {}

    /**
     * Pushes one new object at a time to the zone from four threads, {@code count} pushes or for
     * {@code seconds}, whichever ends first, or until one fails.
     */
    private static Filled fill(Http http, String zone, int count, int seconds) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(
                    () -> {
                        for (int n = next.getAndIncrement();
                                n < count && System.nanoTime() < deadline && failures.isEmpty();
                                n = next.getAndIncrement()) {
                            try {
                                Http.Answer answer = http.post(
                                        "push",
                                        Objects.pushBody(
                                                zone, "fill", List.of(new Objects.Change(n, 1, 0, false)), nowMicros()),
                                        null);
                                if (answer.status() == 200) {
                                    answered.incrementAndGet();
                                } else {
                                    failures.add("answered " + answer.status());
                                }
                            } catch (IOException | RuntimeException e) {
                                failures.add(shortened(e.toString()));
                            }
                        }
                    },
                    "fill-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Filled(answered.get(), JdbcLimit.seconds(start), failures.peek());
    }

    /** @return a percentile of microsecond figures, in milliseconds */
    private static String ms(List<Long> micros, int percentile) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        int at = Math.min(sorted.length - 1, (int) (sorted.length * (percentile / 100.0)));
        return String.format(Locale.ROOT, "%.1f ms", sorted[at] / 1000.0);
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1000;
    }

    // ---------------------------------------------------------------- figures

    private void ratioRow(String what, double limit, double fastsync, double target) {
        rows.add(new String[] {
            what,
            perSecond(limit),
            perSecond(fastsync),
            String.format(Locale.ROOT, "%.0f %%", 100 * fastsync / limit),
            String.format(Locale.ROOT, ">= %.0f %%", 100 * target),
            verdict(fastsync >= target * limit)
        });
    }

    private void report() {
        String[] head = {"workload", "plain JDBC", "FastSync", "ratio", "target", ""};
        int[] width = new int[head.length];
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        System.out.println();
        for (String[] row : all) {
            StringBuilder line = new StringBuilder("| ");
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + width[i] + "s", row[i])).append(" | ");
            }
            System.out.println(line.toString().stripTrailing());
            if (row == head) {
                StringBuilder rule = new StringBuilder("|");
                for (int w : width) {
                    rule.append("-".repeat(w + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(cpu);
        } catch (IOException notLinux) {
            // keep "unknown CPU"
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()
                >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("wrong result, the figures would mean nothing: " + what);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @param sorted ascending */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f obj/s", value);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
