package io.fastsync.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The relay's reading of notices, on the real driver and an embedded (or local) PostgreSQL. */
class PgNoticesTest {

    private final String channel = "fs_test_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void theNoticesOfOneCommitAndOfTheNextArriveInOrderWithTheirPayloads() throws Exception {
        try (Connection listening = TestDatabase.postgresConnection();
                Connection sending = TestDatabase.postgresConnection()) {
            try (Statement s = listening.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            PgNotices notices = PgNotices.of(listening, getClass().getClassLoader());
            List<String> received = new ArrayList<>();
            notices.poll(50, received::add);
            assertEquals(List.of(), received, "nothing was sent yet");

            sending.setAutoCommit(false);
            notify(sending, "7\tItem\tuser-1");
            notify(sending, "3\tNote\tuser-2");
            sending.commit();
            notify(sending, "8\tItem\tuser-1");
            sending.commit();

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.size() < 3 && System.nanoTime() < deadline) {
                notices.poll(1_000, received::add);
            }
            assertEquals(List.of("7\tItem\tuser-1", "3\tNote\tuser-2", "8\tItem\tuser-1"), received);
        }
    }

    @Test
    void aConnectionWithoutTheDriversNoticeMethodsIsRefusedWhenItStartsListening() {
        assertThrows(NoSuchMethodException.class, () -> new PgNotices(new Object()));
        assertThrows(NoSuchMethodException.class, () -> new PgNotices(new NoArray()));
    }

    /** Has the method, but it returns no array of notices. */
    public static final class NoArray {
        public String getNotifications(int timeoutMillis) {
            return "";
        }
    }

    private void notify(Connection c, String payload) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.executeQuery().close();
        }
    }
}
