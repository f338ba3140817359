package io.fastsync.client.transport;

import io.fastsync.wire.Problem;

/**
 * The server answered with an error: a non-2xx status, or an old server's {@code "success": false}
 * envelope. The parsed problem says what and where.
 */
public class ServerProblemException extends SyncTransportException {

    private final transient Problem problem;

    /** @param problem never null; a body that was no problem JSON becomes a problem of code {@code unknown} */
    public ServerProblemException(Problem problem) {
        super(describe(problem), null);
        this.problem = problem;
    }

    /** @return never null */
    public Problem problem() {
        return problem;
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return problem.status();
    }

    /** One line: status, code, detail and the first offending place. */
    static String describe(Problem p) {
        StringBuilder s = new StringBuilder().append(p.status()).append(' ').append(p.code());
        String detail = p.detail() != null ? p.detail() : p.title();
        if (detail != null) {
            s.append(": ").append(detail);
        }
        p.errors().stream()
                .filter(e -> e.pointer() != null)
                .findFirst()
                .ifPresent(e -> s.append(" (at ").append(e.pointer()).append(')'));
        if (p.errors().size() > 1) {
            s.append(" and ").append(p.errors().size() - 1).append(" more");
        }
        return s.toString();
    }
}
