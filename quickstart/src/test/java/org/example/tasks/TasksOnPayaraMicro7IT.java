package org.example.tasks;

import org.junit.jupiter.api.BeforeAll;

/**
 * The application on Payara Micro 7 (Jakarta EE 11), with FastSync's copy of Payara 7's domain
 * configuration, which has the two notifier settings whose creation at start-up can deadlock
 * Payara 7.2026.11 ({@code config/payara-micro-domain.xml} in FastSync's repository says more).
 */
class TasksOnPayaraMicro7IT extends TasksOnPayaraMicro {

    @BeforeAll
    static void start() throws Exception {
        start(
                "payara7.microJar",
                "--domainconfig",
                java.nio.file.Path.of("..", "config", "payara-micro-domain.xml")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
    }
}
