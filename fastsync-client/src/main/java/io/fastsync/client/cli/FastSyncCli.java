package io.fastsync.client.cli;

import io.fastsync.client.store.StoreException;
import io.fastsync.client.transport.ServerProblemException;
import io.fastsync.client.transport.ServerUnreachableException;
import io.fastsync.client.transport.UnexpectedAnswerException;
import jakarta.json.JsonException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Set;
import picocli.CommandLine;

/**
 * The {@code fastsync} command: {@link FastSyncCommand} says its options and commands, picocli
 * parses them. Every failure is one line on stderr and an exit code: see
 * {@link FastSyncCommand}'s exit code list.
 */
public final class FastSyncCli {

    /** Exit codes. */
    static final int OK = 0;

    static final int SERVER_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int UNREACHABLE = 3;
    static final int UNEXPECTED_ANSWER = 4;

    private static final Set<String> SENDING = Set.of("push", "sync", "reset", "import");

    private FastSyncCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs one command; never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        ProgressBar progress = new ProgressBar(err, terminal);
        FastSyncCommand command = new FastSyncCommand(out, err, progress, System.getenv("FASTSYNC_TOKEN"));
        return commandLine(command, out, err).execute(args);
    }

    /** @return the command line of this command, printing to these streams, with the tool's exit codes */
    static CommandLine commandLine(FastSyncCommand command, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(command);
        // "--token @FILE" names a token file: no argument files.
        line.setExpandAtFiles(false);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("fastsync: " + e.getMessage() + " (run with --help for usage)");
            CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
            w.flush();
            return USAGE_ERROR;
        });
        line.setExecutionExceptionHandler((e, failed, parsed) -> failed(e, failed.getCommandName(), command));
        // What failed() does not know: picocli prints its stack trace, as a local error.
        line.setExitCodeExceptionMapper(e -> USAGE_ERROR);
        return line;
    }

    /** @return the exit code of a command that threw, after one line on stderr saying why */
    private static int failed(Exception e, String command, FastSyncCommand c) throws Exception {
        PrintStream err = c.err;
        String pending = SENDING.contains(command) ? "; local changes stay pending, run the command again later" : "";
        if (e instanceof UsageException) {
            err.println("fastsync: " + e.getMessage() + " (run with --help for usage)");
            return USAGE_ERROR;
        } else if (e instanceof ServerUnreachableException) {
            c.progress.endLine();
            err.println("fastsync: cannot reach the server: " + e.getMessage() + pending);
            return UNREACHABLE;
        } else if (e instanceof ServerProblemException) {
            c.progress.endLine();
            err.println("fastsync: the server answered an error: " + e.getMessage() + pending);
            return SERVER_ERROR;
        } else if (e instanceof UnexpectedAnswerException) {
            c.progress.endLine();
            err.println("fastsync: unexpected answer: " + e.getMessage() + pending);
            return UNEXPECTED_ANSWER;
        } else if (e instanceof StoreException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof NoSuchElementException
                || e instanceof JsonException
                || e instanceof UncheckedIOException) {
            err.println("fastsync: " + e.getMessage());
            return USAGE_ERROR;
        }
        throw e;
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
}
