package io.fastsync.client.cli;

import io.fastsync.client.store.H2Store;
import io.fastsync.client.store.StoreException;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.ServerUnreachableException;
import io.fastsync.client.transport.UnexpectedAnswerException;
import jakarta.json.JsonException;
import java.io.PrintStream;
import java.util.NoSuchElementException;
import java.util.Set;

/** The {@code fastsync} command: see {@link #USAGE}. */
public final class FastSyncCli {

    /** Exit codes. */
    static final int OK = 0;

    static final int SERVER_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int UNREACHABLE = 3;
    static final int UNEXPECTED_ANSWER = 4;

    static final String USAGE = """
            usage: java -jar fastsync-client-VERSION-cli.jar --store FILE [--server URL] [--zone ZONE] [options] COMMAND
                   java -jar fastsync-client-VERSION-cli.jar --server URL [--token TOKEN] admin ...

              add TYPE JSON          add a document; prints it with its id
              update TYPE ID JSON    replace a document's fields
              delete TYPE ID         delete a document (pushed as a deletion)
              list TYPE              print the documents, one JSON object per line
              status                 types, cursors and pending changes in the store
              pull [TYPE...]         pull changes (default: every type the store knows)
              push [TYPE...]         push local changes
              sync [TYPE...]         pull, push, and pull again if the push needs it
              import TYPE FILE       add every object of FILE (a JSON array, or one JSON object
                                     per line) and push them
              watch TYPE [SECONDS]   stay subscribed to the type's zone and pull each change as the
                                     server tells of it, for SECONDS or until stopped (a stream
                                     the server ends is opened again)
              reset [--discard] [TYPE...]
                                     rebuild the local copy from the server; local changes are kept
                                     and pushed afterwards, or thrown away with --discard
              admin types | zones TYPE [AFTER] | object TYPE ZONE ID | refusals | conflicts
                                     ask the server's admin API (an admin's token; no --store);
                                     zones come --limit at a time, after the zone AFTER

            options:
              --server URL           the server's FastSync base, e.g. http://localhost:8080/fastsync
              --zone ZONE            the zone of the types named ("Global" for a global type);
                                     default: the zone the store remembers for the type
              --store FILE           the local H2 store (created if missing)
              --token TOKEN          a bearer token for every call (default: $FASTSYNC_TOKEN); @FILE reads it
                                     from FILE before each call, so that a renewed token is used
              --header 'NAME: VALUE' an HTTP header for every call; repeatable
              --limit N              ask for at most N objects per pull page
              --timeout SECONDS      how long to wait for an answer (default 60)
              --version              print the tool's version

            exit codes: 0 done, 1 the server answered an error, 2 bad usage or local error,
                        3 the server could not be reached, 4 the answer was not FastSync's
            """;

    private static final Set<String> SENDING = Set.of("push", "sync", "reset", "import");

    private FastSyncCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs one command; never throws, never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        CliArguments a = null;
        ProgressBar progress = new ProgressBar(err, terminal);
        if (java.util.Arrays.asList(args).contains("--version")) {
            out.println("fastsync " + version());
            return OK;
        }
        try {
            a = CliArguments.parse(args);
            if (a.help() || a.command() == null) {
                (a.help() ? out : err).print(USAGE);
                return a.help() ? OK : USAGE_ERROR;
            }
            if (a.command().equals("admin")) {
                CliAdmin.run(a, System.getenv("FASTSYNC_TOKEN"), out);
                return OK;
            }
            if (a.store() == null) {
                throw new UsageException("--store FILE is needed");
            }
            try (H2Store store = H2Store.open(a.store())) {
                new CliCommands(a, store, out, progress).run();
                return OK;
            }
        } catch (UsageException e) {
            err.println("fastsync: " + e.getMessage() + " (run with --help for usage)");
            return USAGE_ERROR;
        } catch (ServerUnreachableException e) {
            progress.endLine();
            err.println("fastsync: cannot reach the server: " + e.getMessage() + stillPending(a));
            return UNREACHABLE;
        } catch (ServerProblemException e) {
            progress.endLine();
            err.println("fastsync: the server answered an error: " + e.getMessage() + stillPending(a));
            return SERVER_ERROR;
        } catch (UnexpectedAnswerException e) {
            progress.endLine();
            err.println("fastsync: unexpected answer: " + e.getMessage() + stillPending(a));
            return UNEXPECTED_ANSWER;
        } catch (StoreException
                | IllegalArgumentException
                | IllegalStateException
                | NoSuchElementException
                | JsonException e) {
            err.println("fastsync: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    /** @return the release of this tool, as its build wrote it */
    static String version() {
        java.util.Properties p = new java.util.Properties();
        try (var in = FastSyncCli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            // unknown below
        }
        return p.getProperty("version", "(unknown version)");
    }

    private static String stillPending(CliArguments a) {
        return a != null && SENDING.contains(a.command())
                ? "; local changes stay pending, run the command again later"
                : "";
    }
}
