package io.fastsync.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

    private final ChangeFeed feed = new ChangeFeed();

    private static ChangeFeed.Zone item(String zone) {
        return new ChangeFeed.Zone("Item", zone);
    }

    @Test
    void aSubscriberIsToldOfEachVersionPastWhatItWasToldOnceAndOfItsOwnZonesOnly() {
        List<ZoneChange> told = new ArrayList<>();
        ChangeFeed.Subscription s = feed.open("alice", Map.of(item("a"), 3L), told::add, 4, 100);

        feed.publish(new ZoneChange("Item", "a", 3)); // not past the cursor
        feed.publish(new ZoneChange("Item", "b", 9)); // another zone
        feed.publish(new ZoneChange("Note", "a", 9)); // another type
        feed.publish(new ZoneChange("Item", "a", 5));
        feed.publish(new ZoneChange("Item", "a", 4)); // older than what it was told, relayed late
        feed.publish(new ZoneChange("Item", "a", 5)); // the same commit again (local and relayed)
        feed.publish(new ZoneChange("Item", "a", 6));

        assertEquals(List.of(new ZoneChange("Item", "a", 5), new ZoneChange("Item", "a", 6)), told);
        s.close();
        feed.publish(new ZoneChange("Item", "a", 7));
        assertEquals(2, told.size(), "a closed subscription hears nothing");
        assertEquals(0, feed.size());
        assertEquals(java.util.Set.of(), feed.zones());
    }

    @Test
    void aCallerHoldsAtMostTheLimitAndAClosedOneCountsNoMore() {
        ChangeFeed.Subscription first = feed.open("alice", Map.of(item("a"), 0L), c -> {}, 2, 100);
        feed.open("alice", Map.of(item("b"), 0L), c -> {}, 2, 100);
        assertThrows(
                TooManySubscriptionsException.class, () -> feed.open("alice", Map.of(item("c"), 0L), c -> {}, 2, 100));
        feed.open("bob", Map.of(item("a"), 0L), c -> {}, 2, 100);
        first.close();
        first.close();
        feed.open("alice", Map.of(item("c"), 0L), c -> {}, 2, 100);
        assertEquals(3, feed.size());
    }

    @Test
    void anInstanceHoldsAtMostItsLimitWhoeverAsksAndARefusalCountsForNobody() {
        ChangeFeed.Subscription first = feed.open("alice", Map.of(item("a"), 0L), c -> {}, 5, 2);
        feed.open("bob", Map.of(item("a"), 0L), c -> {}, 5, 2);
        assertThrows(StreamsFullException.class, () -> feed.open("carol", Map.of(item("a"), 0L), c -> {}, 1, 2));
        assertEquals(2, feed.size());
        first.close();
        // carol's refused attempt did not count against her own limit of one
        feed.open("carol", Map.of(item("a"), 0L), c -> {}, 1, 2);
        assertEquals(2, feed.size());
    }

    @Test
    void aListenerThatFailsEndsItsSubscriptionAndShutdownTellsTheRest() {
        List<String> closed = new ArrayList<>();
        feed.open(
                "a",
                Map.of(item("z"), 0L),
                c -> {
                    throw new IllegalStateException("gone");
                },
                4,
                100);
        feed.open(
                "b",
                Map.of(item("z"), 0L),
                new ChangeFeed.Listener() {
                    @Override
                    public void changed(ZoneChange change) {}

                    @Override
                    public void closed() {
                        closed.add("b");
                    }
                },
                4,
                100);
        feed.publish(new ZoneChange("Item", "z", 1));
        assertEquals(1, feed.size(), "the failing one ended");
        feed.closeAll();
        assertEquals(List.of("b"), closed);
        assertEquals(0, feed.size());
    }
}
