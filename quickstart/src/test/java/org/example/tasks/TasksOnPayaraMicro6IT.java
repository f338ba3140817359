package org.example.tasks;

import org.junit.jupiter.api.BeforeAll;

/** The application on Payara Micro 6 (Jakarta EE 10). */
class TasksOnPayaraMicro6IT extends TasksOnPayaraMicro {

    @BeforeAll
    static void start() throws Exception {
        start("payara6.microJar");
    }
}
