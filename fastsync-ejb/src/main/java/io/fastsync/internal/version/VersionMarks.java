package io.fastsync.internal.version;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Marks that tell one history of a zone's versions from another.
 *
 * <p>A database put back to a backup hands out again version numbers that clients have already
 * passed, for other changes: a client whose cursor stands at 9 would skip the new 8 and 9 without
 * knowing. Version numbers alone cannot show it; the time at which they were handed out can, since
 * the versions handed out after a restore are handed out later than any before it.
 *
 * <p>So a writer that takes versions from a zone whose newest mark is at least a second old first
 * records a mark: the first version it takes, and the time (microseconds since the epoch, later
 * than the zone's previous mark even if the clock went back, and ending in {@link #SIGNATURE}). Every version belongs to the newest mark at or below
 * it, and a pull's cursor carries its version's mark ({@code timestamp} of the per-type metadata,
 * which old clients echo). For a cursor of this history, the mark its version belongs to now is the
 * one it carries, or an earlier one where marks were dropped. A later mark means that versions up to
 * the cursor were handed out after the client received its own: the cursor comes from another
 * history, and serving it from there would skip those versions.
 *
 * <p>A zone gets at most one mark a second. A restore takes longer than that, so the first writer
 * after it always marks. What it assumes: server clocks that agree within the time a restore
 * takes.
 *
 * <p>Plain SQL rather than an entity, so that an embedding application's persistence unit needs
 * no new class.
 */
public final class VersionMarks {

    /** The least time between two marks of a zone. */
    static final long EVERY_MICROS = 1_000_000L;

    /**
     * The last three digits of every mark: a mark is a time in whole milliseconds plus 999
     * microseconds. Clients stamp what they make themselves in seconds or milliseconds, which never
     * end so, and a cursor's {@code timestamp} that does not is not taken for a mark.
     */
    static final long SIGNATURE = 999;

    /** @return true if a cursor's timestamp is a mark this server made */
    public static boolean isMark(long timestamp) {
        return timestamp > 0 && timestamp % 1000 == SIGNATURE;
    }

    private static final Clock CLOCK = Clock.systemUTC();

    private VersionMarks() {}

    /** Marks {@code firstVersion} and those after it if the zone's newest mark is a second old. */
    static void markIfDue(EntityManager em, VersionCounter row, long firstVersion) {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, CLOCK.instant());
        if (now - row.getMarkedAt() < EVERY_MICROS) {
            return;
        }
        long at = Math.max(now / 1000, row.getMarkedAt() / 1000 + 1) * 1000 + SIGNATURE;
        em.createNativeQuery("INSERT INTO fastsync_version_mark (type_name, sync_zone, first_version, marked_at)"
                        + " VALUES (?, ?, ?, ?)")
                .setParameter(1, row.getTypeName())
                .setParameter(2, row.getSyncZone())
                .setParameter(3, firstVersion)
                .setParameter(4, at)
                .executeUpdate();
        row.setMarkedAt(at);
    }

    /** A mark: the first version of a run and when the run began. */
    public record Mark(long firstVersion, long markedAt) {
        static final Mark NONE = new Mark(0, 0);
    }

    /** @return the mark the version belongs to: the newest at or below it; {@link Mark#NONE} if none */
    public static Mark of(EntityManager em, String type, String zone, long version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT first_version, marked_at FROM fastsync_version_mark"
                        + " WHERE type_name = ? AND sync_zone = ? AND first_version <= ? ORDER BY first_version DESC")
                .setParameter(1, type)
                .setParameter(2, zone)
                .setParameter(3, version)
                .setMaxResults(1)
                .getResultList();
        return rows.isEmpty()
                ? Mark.NONE
                : new Mark(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    /**
     * Drops the marks that no cursor still served needs: those before the mark of {@code version},
     * once every cursor below it has expired (a purge, a declared restore).
     *
     * @return how many were dropped
     */
    public static int dropBefore(EntityManager em, String type, String zone, long version) {
        Mark keep = of(em, type, zone, version);
        if (keep.firstVersion() == 0) {
            return 0;
        }
        return em.createNativeQuery(
                        "DELETE FROM fastsync_version_mark WHERE type_name = ? AND sync_zone = ? AND first_version < ?")
                .setParameter(1, type)
                .setParameter(2, zone)
                .setParameter(3, keep.firstVersion())
                .executeUpdate();
    }
}
