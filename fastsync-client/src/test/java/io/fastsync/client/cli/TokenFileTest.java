package io.fastsync.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fastsync.client.transport.BearerTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @Test
    void aTokenFileIsReadBeforeEachRequestSoARenewedTokenIsUsed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first\n");
        BearerTokens tokens = CliTransport.fromFile(file);
        assertEquals("first", tokens.token(false));
        Files.writeString(file, "second");
        assertEquals("second", tokens.token(true));
        Files.delete(file);
        assertThrows(UsageException.class, () -> tokens.token(false));
    }
}
