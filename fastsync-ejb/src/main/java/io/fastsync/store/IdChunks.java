package io.fastsync.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Splits id lists for IN queries: databases cap the number of bind parameters in one statement. */
public final class IdChunks {

    /** Largest IN list sent in one query. */
    public static final int IDS_PER_QUERY = 1000;

    private IdChunks() {}

    /** Calls {@code query} once per chunk of at most {@link #IDS_PER_QUERY} ids. */
    public static void forEach(Collection<String> ids, Consumer<List<String>> query) {
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            query.accept(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
    }
}
