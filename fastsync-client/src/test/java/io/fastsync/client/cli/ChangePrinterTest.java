package io.fastsync.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastsync.client.ScriptedTransport;
import io.fastsync.client.SyncManager;
import io.fastsync.client.Wire;
import io.fastsync.client.store.MemoryStore;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code watch} prints of each pull page. */
class ChangePrinterTest {

    private final ScriptedTransport server = new ScriptedTransport();
    private final SyncManager sync = new SyncManager(server, new MemoryStore());
    private final SyncableRepository<JsonObject> items = sync.registerDocument("Item", Zone.restricted("user-1"));
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ChangePrinterTest() {
        sync.registerDocument("Note", Zone.restricted("user-1"));
        sync.addListener(new ChangePrinter(items, new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }

    private List<String> lines() {
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        printed.reset();
        return lines;
    }

    @Test
    void eachObjectAPagePulledIsOneLineAsListPrintsItAndEachDeletedOneIsMarked() {
        server.thenPull(Wire.page(
                true,
                Wire.object("Item", "a1", 3, "{\"name\":\"milk\",\"qty\":2}"),
                Wire.object("Note", "n1", 3, "{\"text\":\"not watched\"}")));
        server.thenPull(Wire.page(false, Wire.object("Item", "a2", 4, "{}")));
        sync.pull();

        List<String> listed = new ArrayList<>();
        items.getAll().forEach(o -> listed.add(o.toString()));
        assertEquals(List.of("{\"id\":\"a1\",\"name\":\"milk\",\"qty\":2}", "{\"id\":\"a2\"}"), lines());
        assertEquals(listed, List.of("{\"id\":\"a1\",\"name\":\"milk\",\"qty\":2}", "{\"id\":\"a2\"}"));

        items.update(Wire.json("{\"id\":\"a2\",\"mine\":true}"));
        server.thenPull(Wire.page(
                false,
                Wire.tombstone("Item", "a1", 5),
                Wire.object("Item", "a2", 6, "{\"theirs\":true}"),
                Wire.object("Item", "a3", 7, "{\"n\":1}")));
        sync.pull();

        assertEquals(
                List.of("{\"id\":\"a3\",\"n\":1}", "{\"id\":\"a1\",\"deleted\":true}"),
                lines(),
                "an object with an unpushed change is left alone by the pull, and not printed");
    }
}
