package io.fastsync.client.cli;

import io.fastsync.client.SyncListener;
import io.fastsync.client.type.SyncableRepository;
import io.fastsync.wire.WireJson;
import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.util.Set;

/**
 * What {@code watch} prints: after each pull page, each object of its type that the page added
 * or replaced, one JSON object per line exactly as {@code list} prints it, then each one it
 * deleted as {@code {"id": ID, "deleted": true}} ({@code deleted} is reserved by the protocol,
 * so no document has such a field). Objects with unpushed local changes are not among them: a
 * pull leaves those alone.
 */
final class ChangePrinter implements SyncListener {

    private final SyncableRepository<JsonObject> documents;
    private final PrintStream out;

    ChangePrinter(SyncableRepository<JsonObject> documents, PrintStream out) {
        this.documents = documents;
        this.out = out;
    }

    @Override
    public void pulled(String type, Set<String> changed, Set<String> deleted) {
        if (!type.equals(documents.type().name())) {
            return;
        }
        for (String id : changed) {
            documents.findById(id).ifPresent(out::println);
        }
        for (String id : deleted) {
            out.println(deletion(id));
        }
        out.flush();
    }

    /** @return how a deleted object is printed */
    static JsonObject deletion(String id) {
        return WireJson.objectBuilder().add("id", id).add("deleted", true).build();
    }
}
