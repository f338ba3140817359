package io.fastsync.changes;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The notices of one listening connection, read through the PostgreSQL driver's own API. FastSync
 * does not compile against the driver (it is the application server's or the application's), so
 * the two methods it calls are found by reflection, once, when the connection starts listening.
 */
final class PgNotices {

    private final Object connection;
    private final Method poll;
    private final Method parameter;

    /**
     * @param c      a connection of the PostgreSQL driver
     * @param loader the class loader that sees the driver's {@code org.postgresql.PGConnection}
     */
    static PgNotices of(Connection c, ClassLoader loader) throws SQLException, ReflectiveOperationException {
        return new PgNotices(c.unwrap(Class.forName("org.postgresql.PGConnection", false, loader)));
    }

    /** @param pg the driver's connection, with {@code getNotifications(int)} returning an array of notices */
    PgNotices(Object pg) throws NoSuchMethodException {
        this.connection = pg;
        poll = pg.getClass().getMethod("getNotifications", int.class);
        poll.setAccessible(true);
        Class<?> notice = poll.getReturnType().getComponentType();
        if (notice == null) {
            throw new NoSuchMethodException(poll + " returns no array of notices");
        }
        parameter = notice.getMethod("getParameter");
        parameter.setAccessible(true);
    }

    /**
     * Waits for notices as the driver does, and hands the payload of each one received, in order.
     *
     * @param timeoutMillis how long to wait when none is there yet; 0 waits until one comes
     * @throws InvocationTargetException what the driver threw, such as the connection's loss
     */
    void poll(int timeoutMillis, Consumer<String> payloads) throws ReflectiveOperationException {
        Object notices = poll.invoke(connection, timeoutMillis);
        int n = notices == null ? 0 : Array.getLength(notices);
        for (int i = 0; i < n; i++) {
            payloads.accept((String) parameter.invoke(Array.get(notices, i)));
        }
    }
}
