package io.fastsync.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the project's Markdown pages (the README, the changelog, {@code docs/}
 * and each module's README) leads to a file of the repository that exists, and every
 * {@code #anchor} in such a link to a heading of its target, by GitHub's rule for heading ids:
 * lower case, every character but letters, digits, {@code -}, {@code _} and spaces dropped, each
 * space a {@code -}, and {@code -1}, {@code -2}, ... after a heading's second and later namesakes.
 * Code, fenced or inline, is not read.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code [text](target)} and {@code ![alt](target)}, the text over several lines if need be. */
    private static final Pattern INLINE =
            Pattern.compile("\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^()\\s<>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [name]: target}, a reference link's definition. */
    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ *(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`)(.+?)(?<!`)\\1(?!`)");
    private static final Pattern NOT_IN_ID = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}\\- ]");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.contains(ROOT.resolve("README.md")), pages.toString());
        assertTrue(pages.contains(ROOT.resolve("docs/protocol.md")), pages.toString());
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> ids = new HashMap<>();
        int checked = 0;
        for (Path page : pages) {
            for (Link link : links(Files.readString(page))) {
                checked++;
                String problem = problem(page, link.target(), ids);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        assertTrue(checked > 100, "links read: " + checked);
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void headingIdsFollowGitHubsRule() {
        assertEquals(
                List.of(
                        "tombstones-and-cursors-that-can-no-longer-be-served",
                        "a-cursor-that-can-no-longer-be-served-410-cursor-expired",
                        "arquillian-tests-the-integration-tier",
                        "fastsync_version-and-its-lock",
                        "notes",
                        "notes-1",
                        "caf\u00e9-au-lait-",
                        "see-the-protocol",
                        "ready"),
                new ArrayList<>(headingIds(String.join(
                        "\n",
                        "# Tombstones, and cursors that can no longer be served",
                        "### A cursor that can no longer be served: `410 cursor-expired`",
                        "## arquillian-tests: the integration tier",
                        "## `fastsync_version` and its lock ##",
                        "## Notes",
                        "## Notes",
                        "## Caf\u00e9 au lait \u2013",
                        "```sh",
                        "# not a heading: inside a fence",
                        "```",
                        "## See [the protocol](protocol.md)",
                        "Ready",
                        "====="))));
    }

    @Test
    void aBrokenLinkOrAnchorIsFound() {
        Map<Path, Set<String>> ids = new HashMap<>();
        Path readme = ROOT.resolve("README.md");
        assertNull(problem(readme, "docs/security.md#try-token-mode-on-one-machine", ids));
        assertNull(problem(readme, "#run-the-server", ids));
        assertNull(problem(ROOT.resolve("docs/security.md"), "../bin/fastsync-server", ids));
        assertEquals("no such file", problem(readme, "docs/nowhere.md", ids));
        assertEquals("no heading with this id", problem(readme, "docs/security.md#security-modes", ids));
        assertEquals("no heading with this id", problem(readme, "#run-the-servers", ids));
        assertEquals("outside the repository", problem(readme, "../README.md", ids));
        List<Link> found = links("See [a](b.md), `[not](code.md)`, and ![c](d.png \"title\").\n\n```\n[no](e.md)\n```\n"
                + "[ref]: f.md#g\n");
        assertEquals(List.of(new Link(1, "b.md"), new Link(1, "d.png"), new Link(6, "f.md#g")), found);
    }

    /** README.md, CHANGELOG.md, every page under docs/, and every module's README. */
    private static List<Path> pages() throws IOException {
        Set<Path> pages = new LinkedHashSet<>();
        pages.add(ROOT.resolve("README.md"));
        pages.add(ROOT.resolve("CHANGELOG.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(pages::add);
        }
        return new ArrayList<>(pages);
    }

    record Link(int line, String target) {}

    /** The page's links and link definitions, in order, with the line each starts on. */
    static List<Link> links(String markdown) {
        String prose = withoutCode(markdown);
        List<int[]> found = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, DEFINITION)) {
            Matcher m = pattern.matcher(prose);
            while (m.find()) {
                found.add(new int[] {m.start(), m.start(1), m.end(1)});
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Link> links = new ArrayList<>();
        for (int[] f : found) {
            int line = prose.substring(0, f[0]).split("\n", -1).length;
            links.add(new Link(line, prose.substring(f[1], f[2])));
        }
        return links;
    }

    /** What is wrong with the link, or {@code null} when it leads where it says. */
    static String problem(Path page, String target, Map<Path, Set<String>> ids) {
        if (SCHEME.matcher(target).find()) {
            return null; // http:, https:, mailto: are not the repository's
        }
        int hash = target.indexOf('#');
        String path = decoded(hash < 0 ? target : target.substring(0, hash));
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (hash < 0) {
            return null;
        }
        if (!Files.isRegularFile(file) || !file.toString().endsWith(".md")) {
            return "an anchor into what is not a Markdown page";
        }
        Set<String> known = ids.computeIfAbsent(file, f -> {
            try {
                return headingIds(Files.readString(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return known.contains(decoded(target.substring(hash + 1))) ? null : "no heading with this id";
    }

    /** A link's percent escapes decoded; a {@code +} stays one. */
    private static String decoded(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The ids GitHub gives the page's headings, in order. */
    static Set<String> headingIds(String markdown) {
        String[] lines = markdown.split("\n", -1);
        boolean[] fenced = fenced(lines);
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            if (fenced[i]) {
                continue;
            }
            String text = null;
            Matcher atx = ATX.matcher(lines[i]);
            if (atx.matches()) {
                text = atx.group(2) == null ? "" : atx.group(2);
            } else if (i + 1 < lines.length
                    && !fenced[i + 1]
                    && !lines[i].isBlank()
                    && !lines[i].startsWith("|")
                    && SETEXT.matcher(lines[i + 1]).matches()) {
                text = lines[i].strip();
            }
            if (text != null) {
                String shown = CODE_SPAN
                        .matcher(text)
                        .replaceAll("$2")
                        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                        .replaceAll("<[^>]+>", "");
                String id = NOT_IN_ID
                        .matcher(shown.toLowerCase(Locale.ROOT))
                        .replaceAll("")
                        .replace(' ', '-');
                int n = seen.merge(id, 1, Integer::sum);
                ids.add(n == 1 ? id : id + "-" + (n - 1));
            }
        }
        return ids;
    }

    /** Which lines belong to a fenced code block, its fences included. */
    private static boolean[] fenced(String[] lines) {
        boolean[] fenced = new boolean[lines.length];
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            if (fence == null) {
                Matcher m = FENCE.matcher(lines[i]);
                if (m.find()) {
                    fence = m.group(1);
                    fenced[i] = true;
                }
            } else {
                fenced[i] = true;
                String closing = lines[i].strip();
                char mark = fence.charAt(0);
                if (closing.startsWith(fence) && closing.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
            }
        }
        return fenced;
    }

    /** The page with its fenced blocks and code spans blanked, each line where it was. */
    private static String withoutCode(String markdown) {
        String[] lines = markdown.split("\n", -1);
        boolean[] fenced = fenced(lines);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (fenced[i]) {
                out.append(" ".repeat(lines[i].length()));
            } else {
                Matcher m = CODE_SPAN.matcher(lines[i]);
                StringBuilder line = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(line, " ".repeat(m.group().length()));
                }
                m.appendTail(line);
                out.append(line);
            }
        }
        return out.toString();
    }
}
