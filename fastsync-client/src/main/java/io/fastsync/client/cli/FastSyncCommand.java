package io.fastsync.client.cli;

import io.fastsync.client.store.H2Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code fastsync} command line: the global options, which may stand before or after the
 * command ({@code scope = INHERIT}), and the commands. Each store command opens the store, runs
 * in {@link CliCommands} and closes it; {@code admin} is {@link CliAdmin}. {@code --help} and
 * {@code --version} work on every command.
 */
@Command(
        name = "fastsync",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = FastSyncCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "A FastSync client on a local H2 store: edit documents offline, pull, push and watch.",
        subcommands = CliAdmin.class,
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the server answered an error",
            "2:bad usage or local error",
            "3:the server could not be reached",
            "4:the answer was not FastSync's"
        },
        footerHeading = "%n",
        footer = "Bash completion: source <(fastsync completion)")
final class FastSyncCommand implements Callable<Integer> {

    @Option(
            names = "--server",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The FastSync base of the server (http://localhost:8080/fastsync for a local one).")
    private String server;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            scope = ScopeType.INHERIT,
            description = "The zone of the types named (\"Global\" for a global type); default: the zone the"
                    + " store remembers for the type.")
    private String zone;

    @Option(
            names = "--store",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The local H2 store (created if missing).")
    private Path store;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            scope = ScopeType.INHERIT,
            description = "A bearer token for every call (default: $FASTSYNC_TOKEN); @FILE reads it from FILE"
                    + " before each call, so that a renewed token is used.")
    private String token;

    @Option(
            names = "--header",
            paramLabel = "'NAME: VALUE'",
            scope = ScopeType.INHERIT,
            description = "An HTTP header for every call; repeatable.")
    private List<String> headers = new ArrayList<>();

    @Option(
            names = "--limit",
            paramLabel = "N",
            scope = ScopeType.INHERIT,
            converter = Positive.class,
            description = "Ask for at most N objects per pull page (admin zones: per answer, default 100).")
    private Integer limit;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            scope = ScopeType.INHERIT,
            converter = Positive.class,
            description = "How long to wait for an answer (default 60).")
    private Integer timeoutSeconds;

    @Spec
    private CommandSpec spec;

    /** Where commands print their results. */
    final PrintStream out;
    /** Where commands print what is not their result (the first pull of {@code watch}). */
    final PrintStream err;

    final ProgressBar progress;
    /** {@code FASTSYNC_TOKEN}, used when {@code --token} is not given; may be null. */
    final String environmentToken;

    FastSyncCommand(PrintStream out, PrintStream err, ProgressBar progress, String environmentToken) {
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.environmentToken = environmentToken;
    }

    /** No command: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FastSyncCli.USAGE_ERROR;
    }

    @Command(name = "add", description = "Add a document; prints it with its id.")
    void add(@Parameters(paramLabel = "TYPE") String type, @Parameters(paramLabel = "JSON") String json) {
        onStore(c -> c.add(type, json));
    }

    @Command(name = "update", description = "Replace a document's fields; prints it.")
    void update(
            @Parameters(paramLabel = "TYPE") String type,
            @Parameters(paramLabel = "ID") String id,
            @Parameters(paramLabel = "JSON") String json) {
        onStore(c -> c.update(type, id, json));
    }

    @Command(name = "delete", description = "Delete a document (pushed as a deletion).")
    void delete(@Parameters(paramLabel = "TYPE") String type, @Parameters(paramLabel = "ID") String id) {
        onStore(c -> c.delete(type, id));
    }

    @Command(name = "list", description = "Print the documents, one JSON object per line.")
    void list(@Parameters(paramLabel = "TYPE") String type) {
        onStore(c -> c.list(type));
    }

    @Command(name = "status", description = "Types, cursors and pending changes in the store.")
    void status() {
        onStore(CliCommands::status);
    }

    @Command(name = "pull", description = "Pull changes (default: every type the store knows).")
    void pull(@Parameters(paramLabel = "TYPE", arity = "0..*") List<String> types) {
        onStore(c -> c.pull(names(types)));
    }

    @Command(name = "push", description = "Push local changes (default: of every type the store knows).")
    void push(@Parameters(paramLabel = "TYPE", arity = "0..*") List<String> types) {
        onStore(c -> c.push(names(types)));
    }

    @Command(name = "sync", description = "Pull, push, and pull again if the push needs it.")
    void sync(@Parameters(paramLabel = "TYPE", arity = "0..*") List<String> types) {
        onStore(c -> c.sync(names(types)));
    }

    @Command(
            name = "reset",
            description = "Rebuild the local copy from the server; local changes are kept and pushed"
                    + " afterwards, or thrown away with --discard.")
    void reset(
            @Option(names = "--discard", description = "Throw local changes away.") boolean discard,
            @Parameters(paramLabel = "TYPE", arity = "0..*") List<String> types) {
        onStore(c -> c.reset(discard, names(types)));
    }

    @Command(
            name = "import",
            description = "Add every object of FILE (a JSON array, or one JSON object per line) and push them.")
    void importFile(@Parameters(paramLabel = "TYPE") String type, @Parameters(paramLabel = "FILE") Path file) {
        onStore(c -> c.importFile(type, file));
    }

    @Command(
            name = "watch",
            description = {
                "Print each object of the type as it changes on the server, one JSON object per line.",
                "Stays subscribed to the type's zone and pulls each change as the server tells of it, for"
                        + " SECONDS or until stopped (a stream the server ends is opened again). Prints each"
                        + " object pulled, the first pull's too, as list prints it, and each deleted one as"
                        + " {\"id\":\"ID\",\"deleted\":true}."
            })
    void watch(
            @Option(
                            names = {"-q", "--quiet"},
                            description = "Print a line per pull with how many objects it brought instead.")
                    boolean quiet,
            @Parameters(paramLabel = "TYPE") String type,
            @Parameters(
                            paramLabel = "SECONDS",
                            arity = "0..1",
                            converter = Positive.class,
                            description = "How long to watch; default: until stopped.")
                    Integer seconds) {
        onStore(c -> c.watch(type, seconds == null ? 0 : seconds, quiet));
    }

    @Command(
            name = "completion",
            description = {
                "Print a bash completion script.",
                "Enable it with: source <(fastsync completion); in zsh, run autoload -U bashcompinit"
                        + " && bashcompinit first."
            })
    void completion() {
        out.print(completionScript(spec.commandLine()));
        out.flush();
    }

    /** @return the bash completion script of this command line, for the command name {@code fastsync} */
    static String completionScript(CommandLine commandLine) {
        return AutoComplete.bash(commandLine.getCommandName(), commandLine);
    }

    private void onStore(Consumer<CliCommands> command) {
        if (store == null) {
            throw new UsageException("--store FILE is needed");
        }
        try (H2Store opened = H2Store.open(store)) {
            command.accept(new CliCommands(this, opened));
        }
    }

    private static List<String> names(List<String> types) {
        return types == null ? List.of() : types;
    }

    /** @return the name of the command run, such as {@code push}; {@code fastsync} if none */
    String command() {
        ParseResult r = spec.commandLine().getParseResult();
        if (r == null) {
            return spec.name();
        }
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r.commandSpec().name();
    }

    String server() {
        return server;
    }

    String zone() {
        return zone;
    }

    String token() {
        return token;
    }

    Integer limit() {
        return limit;
    }

    Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    /** @return each {@code --header} as its name and value */
    List<Map.Entry<String, String>> headerPairs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new UsageException("--header needs 'Name: value', found '" + header + "'");
            }
            pairs.add(Map.entry(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip()));
        }
        return pairs;
    }

    /** {@code --limit}, {@code --timeout} and {@code SECONDS}: a whole number above 0. */
    static final class Positive implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("a whole number above 0 is needed, found '" + value + "'");
        }
    }

    /** {@code --version}: the release, as the build wrote it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fastsync " + FastSyncCli.version()};
        }
    }
}
