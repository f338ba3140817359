package io.fastsync.it;

import io.fastsync.client.SyncManager;
import io.fastsync.client.store.H2Store;
import io.fastsync.client.transport.HttpSyncTransport;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.client.type.Zone;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java client example of {@code fastsync-client/README.md}, as it is printed there (between the
 * markers), so that a test runs it against the real server and another checks that the README still
 * shows this code.
 */
final class ReadmeExample {

    static final String START = "// README:start";
    static final String END = "// README:end";

    private ReadmeExample() {}

    /** Adds milk to a user's shopping list, syncs, and returns the list as the server now has it. */
    static List<JsonObject> shoppingList(URI server, String userId, Path dataDir) {
        // spotless:off (the README prints these lines as they are)
        // README:start
        try (H2Store store = H2Store.open(dataDir.resolve("shopping"))) {   // or new MemoryStore()
            SyncManager sync = new SyncManager(HttpSyncTransport.to(server).build(), store);
            SyncableRepository<JsonObject> items = sync.registerDocument("Item", Zone.restricted(userId));

            items.add(Json.createObjectBuilder().add("id", "milk").add("qty", 2).build()); // works offline
            sync.sync();                               // pull, push, and pull again if a conflict needs it

            return items.getAll();                     // milk, and what the user's other devices added
        }
        // README:end
        // spotless:on
    }
}
