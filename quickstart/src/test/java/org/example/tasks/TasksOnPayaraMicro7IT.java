package org.example.tasks;

import org.junit.jupiter.api.BeforeAll;

/** The application on Payara Micro 7 (Jakarta EE 11). */
class TasksOnPayaraMicro7IT extends TasksOnPayaraMicro {

    @BeforeAll
    static void start() throws Exception {
        start("payara7.microJar");
    }
}
