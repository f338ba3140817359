package io.fastsync.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConflictsHandlerTest {

    private static Conflict<String> conflict(long serverMicros, long clientMicros) {
        return new Conflict<>("Item", "x", "server", "client", serverMicros, clientMicros);
    }

    @Test
    void lastWriterWinsKeepsTheArrivingCopyEvenIfOlder() {
        assertEquals("client", ConflictsHandler.<String>lastWriterWins().resolve(conflict(2_000, 1_000)));
        assertEquals(
                ConflictStrategy.LAST_WRITER_WINS,
                ConflictsHandler.lastWriterWins().strategy());
    }

    @Test
    void timestampOrderingKeepsTheLaterCopy() {
        ConflictsHandler<String> handler = ConflictsHandler.timestampOrdering();
        assertEquals("client", handler.resolve(conflict(1_000, 2_000)));
        assertEquals("server", handler.resolve(conflict(2_000, 1_000)));
    }

    @Test
    void timestampOrderingKeepsTheServerCopyOnATie() {
        assertEquals("server", ConflictsHandler.<String>timestampOrdering().resolve(conflict(1_000, 1_000)));
    }

    @Test
    void predefinedRulesReturnWhatTheResolverBuilds() {
        ConflictsHandler<String> handler = ConflictsHandler.predefinedRules(c -> c.serverCopy() + "+" + c.clientCopy());
        assertEquals("server+client", handler.resolve(conflict(0, 0)));
        assertEquals(ConflictStrategy.PREDEFINED_RULES, handler.strategy());
    }

    @Test
    void resolverReturningNullIsAnErrorNamingTheObject() {
        ConflictsHandler<String> handler = ConflictsHandler.predefinedRules(c -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> handler.resolve(conflict(0, 0)));
        assertEquals("the conflict resolver of type Item returned null for object x", e.getMessage());
    }

    @Test
    void strategiesAreFoundByTheirConfigurationNames() {
        assertSame(ConflictStrategy.TIMESTAMP_ORDERING, ConflictStrategy.ofConfigName("timestamp-ordering"));
        assertSame(ConflictStrategy.LAST_WRITER_WINS, ConflictStrategy.ofConfigName("Last-Writer-Wins"));
        assertEquals(null, ConflictStrategy.ofConfigName("newest"));
    }
}
