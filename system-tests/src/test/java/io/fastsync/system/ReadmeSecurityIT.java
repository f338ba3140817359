package io.fastsync.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fastsync.testsupport.server.PayaraMicroServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "Try token mode on one machine" of {@code docs/security.md}, its three shell blocks as
 * written: the key pair with openssl, the server with the environment of step 2 (on a port of its
 * own, on 127.0.0.1), and a token from {@code bin/fastsync-dev-token} with curl.
 */
class ReadmeSecurityIT {

    private static final Path ROOT =
            Path.of(System.getProperty("fastsync.root")).toAbsolutePath().normalize();

    private static List<String> shellBlocks() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/security.md"));
        int start = page.indexOf("\n## Try token mode on one machine\n");
        String section = page.substring(start, page.indexOf("\n## ", start + 1));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            blocks.add(m.group(1).replaceAll("(?m)^   ", ""));
        }
        return blocks;
    }

    private static String bash(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + "\n" + out);
        return out;
    }

    @Test
    void theThreeStepsWorkAsWritten() throws Exception {
        List<String> blocks = shellBlocks();
        assertEquals(3, blocks.size(), blocks.toString());
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "readme-security");
        Files.createSymbolicLink(dir.resolve("bin"), ROOT.resolve("bin"));

        bash(dir, blocks.get(0));
        assertTrue(Files.exists(dir.resolve("keys/public.pem")));

        String start = blocks.get(1).replace("\\\n", " ");
        assertTrue(start.strip().endsWith("bin/fastsync-server"), start);
        Map<String, String> env = new LinkedHashMap<>();
        Matcher assignment = Pattern.compile("([A-Z_]+)=(\\S+)").matcher(start);
        while (assignment.find()) {
            env.put(assignment.group(1), assignment.group(2).replace("$PWD", dir.toString()));
        }
        env.put("FASTSYNC_DATA_DIR", dir.resolve("data").toString());
        PayaraMicroServer server = new PayaraMicroServer(env, dir.resolve("server.log")).start();
        try {
            assertTrue(server.logOfThisRun().contains("FastSync security: token mode"));
            String port = String.valueOf(server.base().getPort());
            String sync = blocks.get(2).replace("localhost:8080", "127.0.0.1:" + port);
            String answer = bash(dir, sync);
            assertTrue(answer.startsWith("{\"success\":true"), answer);
            String other = bash(dir, sync.replace("\"syncZone\": \"alice\"", "\"syncZone\": \"bob\""));
            assertTrue(other.contains("\"status\":403") && other.contains("zone-forbidden"), other);
        } finally {
            server.stop();
        }
    }
}
