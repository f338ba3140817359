package io.fastsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Run with {@code -jar}, Payara Micro opens the JDK's modules that its manifest names. The launcher
 * puts it on the class path instead, so {@code config/payara-micro.jvm} must give the same: this
 * test fails when a Payara upgrade changes them.
 */
class JvmOptionsTest {

    @Test
    void theArgumentFileOpensWhatPayaraMicrosManifestOpens() throws IOException, URISyntaxException {
        Path jar = Path.of(PayaraMicro.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> manifest = new TreeSet<>();
        try (JarFile micro = new JarFile(jar.toFile())) {
            Attributes main = micro.getManifest().getMainAttributes();
            entries(main.getValue("Add-Opens")).forEach(m -> manifest.add("--add-opens=" + m + "=ALL-UNNAMED"));
            entries(main.getValue("Add-Exports")).forEach(m -> manifest.add("--add-exports=" + m + "=ALL-UNNAMED"));
        }
        Path argfile = Path.of(System.getProperty("fastsync.root"), "config", "payara-micro.jvm");
        assertEquals(manifest, new TreeSet<>(Files.readAllLines(argfile)));
    }

    private static java.util.List<String> entries(String value) {
        return value == null ? java.util.List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
