package io.fastsync.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverFromUrlTest {

    private final DriverFromUrl source = new DriverFromUrl();

    @Test
    void eachKindOfUrlHasItsDataSource() {
        assertEquals("org.h2.jdbcx.JdbcDataSource", source.driverFor("jdbc:h2:file:/var/lib/fastsync/fastsync"));
        assertEquals(
                "org.postgresql.ds.PGSimpleDataSource", source.driverFor("jdbc:postgresql://localhost:5432/fastsync"));
        assertEquals(
                "io.fastsync.standalone.LocalDataSource", source.driverFor("jdbc:mariadb://localhost:3306/fastsync"));
    }

    @Test
    void unknownOrMissingUrlsLeaveTheDriverToOtherSources() {
        assertNull(source.driverFor(null));
        assertNull(source.driverFor("jdbc:oracle:thin:@localhost:1521:xe"));
        assertNull(source.driverFor("postgresql://localhost/fastsync"));
        assertNull(source.driverFor("jdbc:h2"));
        assertNull(source.getValue("fastsync.db.url"));
    }

    @Test
    void theLauncherDerivesTheSameDrivers() throws Exception {
        Path launcher = Path.of("..", "bin", "fastsync-server").toAbsolutePath().normalize();
        String script = Files.readString(launcher);
        String start = "if [ -z \"${FASTSYNC_DB_DRIVER:-}\" ]";
        String block = script.substring(script.indexOf(start), script.indexOf("\nfi\n", script.indexOf(start)) + 4);
        for (Map.Entry<String, String> url : Map.of(
                        "jdbc:postgresql://db:5432/app", "org.postgresql.ds.PGSimpleDataSource",
                        "jdbc:mariadb://db/app", "io.fastsync.standalone.LocalDataSource",
                        "jdbc:h2:mem:x", "org.h2.jdbcx.JdbcDataSource",
                        "jdbc:oracle:thin:@x", "")
                .entrySet()) {
            ProcessBuilder run = new ProcessBuilder(
                            "bash", "-c", "set -euo pipefail; " + block + "\necho \"${FASTSYNC_DB_DRIVER:-}\"")
                    .redirectErrorStream(true);
            run.environment().remove("FASTSYNC_DB_DRIVER");
            run.environment().put("FASTSYNC_DB_URL", url.getKey());
            run.environment().put("root", launcher.getParent().getParent().toString());
            Process p = run.start();
            p.getOutputStream().close();
            assertEquals(0, p.waitFor(), () -> "launcher block failed for " + url.getKey());
            assertEquals(url.getValue(), new String(p.getInputStream().readAllBytes()).trim(), url.getKey());
        }
    }
}
