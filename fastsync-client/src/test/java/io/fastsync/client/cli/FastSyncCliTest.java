package io.fastsync.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.client.SseStub;
import io.fastsync.client.Wire;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastSyncCliTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    /** Runs the tool on the test's store. */
    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--store", dir.resolve("cli").toString()));
        all.addAll(List.of(args));
        return bare(all.toArray(String[]::new));
    }

    /** Runs the tool with these arguments only. */
    private int bare(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = FastSyncCli.run(
                args,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8),
                false);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void documentsAreAddedUpdatedListedAndDeletedLocally() {
        assertEquals(0, run("--zone", "user-1", "add", "Item", "{\"id\":\"a1\",\"name\":\"milk\"}"));
        assertEquals(0, run("add", "Item", "{\"name\":\"eggs\"}"), "the store remembers the zone");
        assertEquals(0, run("update", "Item", "a1", "{\"name\":\"oat milk\"}"));
        assertEquals(0, run("list", "Item"));
        assertTrue(out.contains("{\"id\":\"a1\",\"name\":\"oat milk\"}"), out);
        assertEquals(2, out.lines().count());
        assertEquals(0, run("delete", "Item", "a1"));
        assertEquals(0, run("status"));
        assertEquals("Item: zone user-1, cursor 0, 1 objects, 1 pending" + System.lineSeparator(), out);
    }

    @Test
    void anUnreachableServerIsOneLineAndExitCode3() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run("--zone", "user-1", "add", "Item", "{\"id\":\"a1\"}");

        assertEquals(3, run("--server", "http://127.0.0.1:" + port + "/fastsync", "push"));

        assertEquals(
                "fastsync: cannot reach the server: no answer from http://127.0.0.1:" + port
                        + "/fastsync/push: connection refused; local changes stay pending, run the command again later"
                        + System.lineSeparator(),
                err);
        assertEquals(0, run("status"));
        assertTrue(out.contains("1 pending"), out);
        assertTrue(out.contains("an unanswered push"), out);
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("list", "Item"));
        assertTrue(err.contains("--zone is needed"), err);
        assertEquals(2, run("--zone", "z", "add", "Item", "not json"));
        assertTrue(err.startsWith("fastsync: not a JSON object"), err);
        assertEquals(2, run("pull"));
        assertEquals(2, run("--zone", "z", "frobnicate"));
        assertEquals(2, run("--zone", "z", "update", "Item", "nope", "{}"));
        assertEquals(2, run("--zone", "z", "pull", "Item"));
        assertTrue(err.contains("--server URL is needed"), err);
        assertEquals(
                0,
                FastSyncCli.run(
                        new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream()), System.err, false));
    }

    @Test
    void aLongPullShowsProgressOnStderr() {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(e, true, StandardCharsets.UTF_8), false);
        bar.pageApplied(new io.fastsync.client.pull.PullProgress(1, 500, true));
        bar.pageApplied(new io.fastsync.client.pull.PullProgress(2, 900, false));
        String shown = e.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("1 page, 500 objects"), shown);
        assertTrue(shown.contains("2 pages, 900 objects, done"), shown);
    }

    @Test
    void versionIsTheBuildsOwn() {
        assertEquals(0, run("--version"));
        assertTrue(out.matches("fastsync \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), out);
    }

    @Test
    void anImportFileIsAnArrayOrOneObjectPerLineAndAnythingElseIsRefusedBeforeAnyWrite() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("array.json"), "[{\"id\": \"a\"}, {\"id\": \"b\"}]");
        java.nio.file.Files.writeString(dir.resolve("lines.ndjson"), "{\"id\": \"c\"}\n\n{\"id\": \"d\"}\n");
        java.nio.file.Files.writeString(dir.resolve("bad.ndjson"), "{\"id\": \"e\"}\n[1]\n");
        assertEquals(2, ImportFile.read(dir.resolve("array.json")).size());
        assertEquals(2, ImportFile.read(dir.resolve("lines.ndjson")).size());

        assertEquals(2, importing("bad.ndjson"));
        assertTrue(err.contains("line 2 is not one JSON object"), err);
        assertEquals(2, importing("missing.json"));
        assertTrue(err.contains("no file"), err);
        assertEquals(0, run("--zone", "user-1", "list", "Item"));
        assertEquals("", out, "a refused file adds nothing");
    }

    private int importing(String file) {
        return run("--zone", "user-1", "import", "Item", dir.resolve(file).toString());
    }

    /**
     * {@code watch --quiet} without SECONDS against a stub server: it opens the stream again after a
     * {@code closing}, with the cursor its store holds, pulls what the new stream tells of, and
     * ends with the server's error once its fixed token is refused.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void watchOpensTheStreamAgainWhenTheServerClosesItAndPullsWhatTheNewStreamTells() throws Exception {
        try (SseStub server = new SseStub()) {
            server.committed.add(Wire.object("Item", "a1", 3, "{\"n\":1}"));
            server.thenStream(stream -> stream.send("ready", "{}").send("closing", "{\"reason\":\"lifetime\"}"));
            server.thenStream(stream -> {
                stream.send("ready", "{}");
                server.committed.add(Wire.object("Item", "a2", 4, "{\"n\":2}"));
                stream.send("changed", "{\"type\":\"Item\",\"syncZone\":\"user-1\",\"version\":4}");
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (server.pulls.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(10); // until watch pulled version 4
                }
                server.accepts = authorization -> false; // the token given to watch expires
                stream.send("closing", "{\"reason\":\"token-expired\"}");
            });

            int code = run(
                    "--server",
                    server.base().toString(),
                    "--token",
                    "t1",
                    "--zone",
                    "user-1",
                    "watch",
                    "--quiet",
                    "Item");

            assertEquals(1, code, out + err);
            assertTrue(out.startsWith("pulled 1 object (1 page)" + System.lineSeparator()), out);
            assertTrue(out.contains(" Item user-1 at version 4: pulled 1 object (1 page)"), out);
            assertTrue(err.contains("401 unauthenticated: the token expired (/fastsync/changes)"), err);
            assertEquals(
                    List.of(
                            new SseStub.Request("Bearer t1", 3, false),
                            new SseStub.Request("Bearer t1", 3, false),
                            new SseStub.Request("Bearer t1", 4, true),
                            new SseStub.Request("Bearer t1", 4, true)),
                    server.streams,
                    "opened again after each closing, from the store's cursor; a refused token tried once more");
            assertEquals(0, run("list", "Item"));
            assertEquals(2, out.lines().count(), out);
        }
    }

    /**
     * {@code watch} prints on stdout each object it pulls, the first pull's too, one JSON object
     * per line as {@code list} prints it, and each deleted one marked; the first pull's count
     * goes to stderr.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void watchPrintsEachObjectItPullsAsAJsonLineAndMarksDeletedOnes() throws Exception {
        try (SseStub server = new SseStub()) {
            server.committed.add(Wire.object("Item", "a1", 3, "{\"n\":1}"));
            server.committed.add(Wire.object("Item", "b1", 4, "{\"n\":3,\"tags\":[\"x\"]}"));
            server.thenStream(stream -> {
                stream.send("ready", "{}");
                server.committed.add(Wire.object("Item", "a2", 5, "{\"n\":2}"));
                server.committed.add(Wire.tombstone("Item", "a1", 6));
                stream.send("changed", "{\"type\":\"Item\",\"syncZone\":\"user-1\",\"version\":6}");
                stream.hold();
            });

            int code = run("--server", server.base().toString(), "--zone", "user-1", "watch", "Item", "2");

            assertEquals(0, code, out + err);
            assertEquals(
                    List.of(
                            "{\"id\":\"a1\",\"n\":1}",
                            "{\"id\":\"b1\",\"n\":3,\"tags\":[\"x\"]}",
                            "{\"id\":\"a2\",\"n\":2}",
                            "{\"id\":\"a1\",\"deleted\":true}"),
                    out.lines().toList());
            assertEquals("pulled 2 objects (1 page)" + System.lineSeparator(), err);
        }
        List<String> watched = out.lines().toList();
        assertEquals(0, run("list", "Item"));
        assertTrue(watched.containsAll(out.lines().toList()), "the lines list prints: " + out);
    }

    private static final List<String> COMMANDS = List.of(
            "add",
            "update",
            "delete",
            "list",
            "status",
            "pull",
            "push",
            "sync",
            "reset",
            "import",
            "watch",
            "admin",
            "completion");

    @Test
    void helpListsEveryCommandAndTheExitCodesOnStdout() {
        assertEquals(0, bare("--help"));
        assertEquals("", err);
        assertTrue(out.startsWith("Usage: fastsync "), out);
        for (String command : COMMANDS) {
            assertTrue(out.contains(System.lineSeparator() + "  " + command + " "), command + " in " + out);
        }
        for (String option : List.of("--store", "--server", "--zone", "--header", "--token", "--limit", "--timeout")) {
            assertTrue(out.contains(option + "="), option + " in " + out);
        }
        assertTrue(out.contains("Exit codes:"), out);
        assertTrue(out.contains("  3   the server could not be reached"), out);

        assertEquals(0, bare("watch", "-h"), "help on a command");
        assertTrue(out.startsWith("Usage: fastsync watch "), out);
        assertTrue(out.contains("-q, --quiet"), out);
        assertEquals(0, bare("admin", "--help"));
        assertTrue(out.contains("Usage: fastsync admin "), out);
        assertTrue(out.contains("  zones "), out);
    }

    @Test
    void noCommandPrintsTheUsageOnStderrAsAUsageError() {
        assertEquals(2, run());
        assertEquals("", out);
        assertTrue(err.startsWith("Usage: fastsync "), err);
        assertEquals(2, bare("admin"));
        assertEquals(
                "fastsync: admin asks for " + CliAdmin.WHAT + " (run with --help for usage)" + System.lineSeparator(),
                err);
    }

    @Test
    void aWrongCommandLineIsOneLineOnStderrAndExitCode2() {
        assertEquals(2, run("--frobnicate", "list", "Item"));
        assertEquals("", out);
        assertEquals(
                "fastsync: Unknown option: '--frobnicate' (run with --help for usage)" + System.lineSeparator(), err);
        assertEquals(2, run("lst", "Item"));
        assertTrue(err.startsWith("fastsync: Unmatched arguments from index 2: 'lst', 'Item'"), err);
        assertTrue(err.contains("Did you mean: fastsync list"), err);
        assertEquals(2, run("--zone", "z", "add", "Item"));
        assertTrue(err.contains("Missing required parameter: 'JSON'"), err);
        assertEquals(2, run("--limit", "0", "pull"));
        assertTrue(err.contains("'--limit': a whole number above 0 is needed, found '0'"), err);
        assertEquals(2, run("--timeout", "soon", "pull"));
        assertTrue(err.contains("'--timeout': a whole number above 0 is needed, found 'soon'"), err);
        assertEquals(2, run("--zone", "z", "watch", "Item", "-5"));
        assertEquals(2, run("--zone", "z", "watch", "Item", "0"));
        assertTrue(err.contains("(SECONDS): a whole number above 0 is needed, found '0'"), err);
        assertEquals(2, bare("list", "Item"));
        assertEquals("fastsync: --store FILE is needed (run with --help for usage)" + System.lineSeparator(), err);
    }

    @Test
    void optionsMayStandBeforeOrAfterTheCommandAndTakeTheirValueAfterAnEqualsSign() {
        assertEquals(0, run("add", "Item", "{\"id\":\"a1\"}", "--zone", "user-1"));
        assertEquals(0, bare("list", "--store=" + dir.resolve("cli"), "Item"));
        assertEquals("{\"id\":\"a1\"}" + System.lineSeparator(), out);
        assertEquals(0, run("reset", "--discard", "--zone", "user-1", "--help"));
        assertTrue(out.contains("--discard"), out);
    }

    @Test
    void theCompletionScriptKnowsEveryCommandAndOption() {
        assertEquals(0, bare("completion"));
        String script = out;
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script);
        assertTrue(script.contains("complete -F _complete_fastsync"), script);
        String commands = script.lines()
                .filter(l -> l.contains("local commands=\"admin "))
                .findFirst()
                .orElseThrow();
        for (String command : COMMANDS) {
            assertTrue(commands.contains(command), command + " in " + commands);
        }
        assertTrue(script.contains("conflicts object refusals types zones"), "admin's own commands");
        assertTrue(script.contains("--quiet"), "watch's option");
        assertTrue(script.contains("--store"), "the global options");
    }
}
