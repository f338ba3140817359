package org.example.tasks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's REST endpoints, under {@code /tasks/api}. */
@ApplicationPath("api")
public class TasksApplication extends Application {}
