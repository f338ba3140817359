package io.fastsync.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The push and pull pipelines that {@code docs/architecture.md} lists under "Where things are"
 * are the boundaries' code, line for line: the steps joined by arrows are exactly the calls that
 * {@code PushService.push} and {@code PullService.pull} make on their injected steps, in the same
 * order. A step added, dropped or moved in either place fails here until the other follows.
 */
class ArchitectureStepsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SOURCES = ROOT.resolve("fastsync-ejb/src/main/java");

    /** The injected beans a boundary consults that are not steps of its pipeline. */
    private static final Set<String> NOT_STEPS = Set.of("Metrics", "FastSyncSettings");

    /** {@code `Type.method`} followed, after its explanation in brackets, by an arrow. */
    private static final Pattern BEFORE_ARROW = Pattern.compile("`(\\w+)\\.(\\w+)`(?:\\s*\\([^()]*\\))?\\s*→");
    /** {@code `Type.method`} after an arrow. */
    private static final Pattern AFTER_ARROW = Pattern.compile("→\\s*`(\\w+)\\.(\\w+)`");

    private static final Pattern INJECTED = Pattern.compile("@Inject\\s+(\\w+)(?:<[^>]*>)?\\s+(\\w+);");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\.(\\w+)\\(");

    @Test
    void thePushPipelineIsPushServicePushLineForLine() throws IOException {
        assertEquals(documented("PushService.push"), callsOf("PushService", "push"));
    }

    @Test
    void thePullPipelineIsPullServicePullLineForLine() throws IOException {
        assertEquals(documented("PullService.pull"), callsOf("PullService", "pull"));
    }

    @Test
    void aStepOutOfOrderOrMissingIsSeen() {
        String page = """
                Pull: `PullService.pull`, one step per line → `CursorReader.read` (known types) → `PageReader.read`
                (a page) → `CursorAdmission.checkFloors`. Then `MessageWriter.write`.

                Other: `Other.thing` → `Next.one`.
                """;
        assertEquals(
                List.of("CursorReader.read", "PageReader.read", "CursorAdmission.checkFloors"),
                chain(paragraph(page, "PullService.pull"), "PullService.pull"));
        String source = """
                class PullService {
                    @Inject
                    CursorReader cursors;
                    @Inject
                    CursorAdmission admission;
                    @Inject
                    Metrics metrics;

                    public PullResponse pull(PullRequest request) {
                        return pull(request, null);
                    }

                    public PullResponse pull(PullRequest request, Caller caller) {
                        metrics.get();
                        var targets = cursors.read(request, caller);
                        var admitted = admission.admit(targets);
                        admission.checkFloors(admitted);
                        return null;
                    }

                    void other() {
                        admission.elsewhere();
                    }
                }
                """;
        List<String> calls = calls(source, "pull");
        assertEquals(List.of("CursorReader.read", "CursorAdmission.admit", "CursorAdmission.checkFloors"), calls);
        assertNotEquals(chain(paragraph(page, "PullService.pull"), "PullService.pull"), calls);
    }

    /** @return the steps the architecture page chains after {@code boundary} */
    private static List<String> documented(String boundary) throws IOException {
        String page = Files.readString(ROOT.resolve("docs/architecture.md"));
        return chain(paragraph(page, boundary), boundary);
    }

    /** @return the paragraph that names {@code boundary} first, as {@code `Type.method`} after a colon */
    private static String paragraph(String page, String boundary) {
        for (String paragraph : page.split("\\n\\s*\\n")) {
            if (paragraph.matches("(?s)\\w+: `" + Pattern.quote(boundary) + "`.*")) {
                return paragraph;
            }
        }
        throw new AssertionError("no paragraph begins with `" + boundary + "`");
    }

    /**
     * @return each {@code Type.method} of the paragraph that an arrow joins to its neighbour, in
     *         order, but the boundary itself
     */
    private static List<String> chain(String paragraph, String boundary) {
        Map<Integer, String> steps = new TreeMap<>();
        for (Pattern p : List.of(BEFORE_ARROW, AFTER_ARROW)) {
            Matcher m = p.matcher(paragraph);
            while (m.find()) {
                String step = m.group(1) + "." + m.group(2);
                if (!step.equals(boundary)) {
                    steps.put(m.start(1), step);
                }
            }
        }
        return new ArrayList<>(steps.values());
    }

    private static List<String> callsOf(String boundary, String method) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Path file = files.filter(p -> p.getFileName().toString().equals(boundary + ".java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no source of " + boundary));
            return calls(Files.readString(file), method);
        }
    }

    /**
     * @return each {@code Type.method} that the bodies of the methods named {@code method} call on
     *         an injected step, in the order they stand in the source
     */
    private static List<String> calls(String source, String method) {
        Map<String, String> stepTypes = new HashMap<>();
        Matcher injected = INJECTED.matcher(source);
        while (injected.find()) {
            if (!NOT_STEPS.contains(injected.group(1))) {
                stepTypes.put(injected.group(2), injected.group(1));
            }
        }
        List<String> calls = new ArrayList<>();
        Matcher declaration = Pattern.compile("(?m)^\\s+(?:public |private |protected )?[\\w<>?, ]+\\s"
                        + Pattern.quote(method) + "\\([^;{]*\\)\\s*\\{")
                .matcher(source);
        while (declaration.find()) {
            Matcher call = CALL.matcher(body(source, declaration.end() - 1));
            while (call.find()) {
                String type = stepTypes.get(call.group(1));
                if (type != null) {
                    calls.add(type + "." + call.group(2));
                }
            }
        }
        return calls;
    }

    /** @return the text between the brace at {@code open} and the one that closes it */
    private static String body(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new AssertionError("unbalanced braces after " + open);
    }
}
