package io.fastsync.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line. Options may stand anywhere, as {@code --name value} or
 * {@code --name=value}.
 *
 * @param server         the server's FastSync base URL, or null
 * @param zone           the zone for the types named, or null to use the zone the store remembers
 * @param store          the H2 store file, or null
 * @param headers        {@code Name: value} headers to send; never null
 * @param token          the bearer token to send ({@code --token}), or null
 * @param limit          the pull page size to ask for, or null
 * @param timeoutSeconds the request timeout, or null for the default
 * @param discard        {@code reset --discard}
 * @param help           {@code --help}
 * @param command        the command, or null
 * @param operands       the command's arguments; never null
 */
record CliArguments(
        String server,
        String zone,
        Path store,
        List<String> headers,
        String token,
        Integer limit,
        Integer timeoutSeconds,
        boolean discard,
        boolean help,
        String command,
        List<String> operands) {

    static CliArguments parse(String... args) {
        String server = null;
        String zone = null;
        Path store = null;
        List<String> headers = new ArrayList<>();
        String token = null;
        Integer limit = null;
        Integer timeout = null;
        boolean discard = false;
        boolean help = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help" -> help = true;
                case "--discard" -> discard = true;
                default -> {
                    String value = arg.contains("=")
                            ? arg.substring(arg.indexOf('=') + 1)
                            : ++i < args.length ? args[i] : null;
                    if (value == null) {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--server" -> server = value;
                        case "--zone" -> zone = value;
                        case "--store" -> store = Path.of(value);
                        case "--header" -> headers.add(value);
                        case "--token" -> token = value;
                        case "--limit" -> limit = positive(name, value);
                        case "--timeout" -> timeout = positive(name, value);
                        default -> throw new UsageException("unknown option " + name);
                    }
                }
            }
        }
        String command = positional.isEmpty() ? null : positional.get(0);
        List<String> operands =
                positional.isEmpty() ? List.of() : List.copyOf(positional.subList(1, positional.size()));
        return new CliArguments(
                server, zone, store, List.copyOf(headers), token, limit, timeout, discard, help, command, operands);
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " needs a whole number above 0, found '" + value + "'");
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

    /** @return the operand at this index, or a usage error naming it */
    String operand(int index, String what) {
        if (index >= operands.size()) {
            throw new UsageException(command + " needs " + what);
        }
        return operands.get(index);
    }
}
