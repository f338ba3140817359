package io.fastsync.internal.schema;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The product name of the database behind an entity manager, from the JDBC connection of its
 * transaction, on the two JPA providers FastSync runs on: EclipseLink (Payara) hands the
 * connection out through {@link EntityManager#unwrap}; Hibernate (WildFly) lends it to a
 * {@code ReturningWork} instead. Hibernate is reached by reflection, so that FastSync depends on
 * neither provider.
 */
final class DatabaseProduct {

    private DatabaseProduct() {}

    /**
     * @return the product name, lower case
     * @throws SQLException if the connection cannot tell it
     * @throws RuntimeException if the provider offers neither way to the connection
     */
    static String of(EntityManager em) throws SQLException {
        Object session = hibernateSession(em);
        if (session == null) {
            Connection c = em.unwrap(Connection.class);
            return c == null ? "" : name(c);
        }
        return fromHibernate(session);
    }

    private static String name(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    }

    /** @return Hibernate's session behind the entity manager, or null when the provider is another */
    private static Object hibernateSession(EntityManager em) {
        Class<?> session = hibernateClass(em, "org.hibernate.Session");
        return session == null || !session.isInstance(em.getDelegate()) ? null : em.unwrap(session);
    }

    private static Class<?> hibernateClass(EntityManager em, String name) {
        try {
            return Class.forName(name, false, em.getDelegate().getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code session.doReturningWork(connection -> name(connection))}, by reflection. */
    private static String fromHibernate(Object session) throws SQLException {
        try {
            Class<?> work = Class.forName(
                    "org.hibernate.jdbc.ReturningWork",
                    false,
                    session.getClass().getClassLoader());
            Object named =
                    Proxy.newProxyInstance(work.getClassLoader(), new Class<?>[] {work}, (proxy, method, args) -> {
                        if (method.getName().equals("execute") && args != null && args.length == 1) {
                            return name((Connection) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            Method doReturningWork = session.getClass().getMethod("doReturningWork", work);
            return (String) doReturningWork.invoke(session, named);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw (SQLException) cause;
            }
            throw new IllegalStateException("Hibernate could not lend its connection", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Hibernate lends no connection (" + e + ")", e);
        }
    }
}
