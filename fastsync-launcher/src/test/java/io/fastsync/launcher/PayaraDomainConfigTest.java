package io.fastsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * {@code config/payara-micro-domain.xml}, which every start of Payara Micro 7 is given
 * ({@code --domainconfig}), is the domain.xml of the Payara Micro the build uses with two notifier
 * elements (and the comment that says why) added: this test fails when a Payara upgrade changes its
 * own, and the file must be made again from it.
 */
class PayaraDomainConfigTest {

    @Test
    void theDomainConfigIsPayarasOwnWithTheTwoNotifierElements() throws IOException, URISyntaxException {
        Path jar = Path.of(PayaraMicro.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String packaged;
        try (JarFile micro = new JarFile(jar.toFile());
                InputStream in = micro.getInputStream(micro.getEntry("MICRO-INF/domain/domain.xml"))) {
            packaged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ours =
                Files.readString(Path.of(System.getProperty("fastsync.root"), "config", "payara-micro-domain.xml"));
        String withoutAdditions = ours.replaceAll("(?s)\\n\\s*<!-- FastSync:.*?-->", "")
                .replace(
                        "\n                <cdi-eventbus-notifier-configuration></cdi-eventbus-notifier-configuration>",
                        "")
                .replace("\n                <eventbus-notifier-configuration></eventbus-notifier-configuration>", "");
        assertEquals(packaged, withoutAdditions);
        assertEquals(true, ours.contains("<eventbus-notifier-configuration></eventbus-notifier-configuration>"));
    }
}
