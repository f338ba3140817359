package io.fastsync.launcher;

import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Payara Micro with its own command-line arguments and checks that an application was
 * deployed. Payara Micro alone logs a failed deployment, says it is ready and goes on answering
 * every request with a 404 page, and may even list the failed application as deployed; here the
 * process exits with status 1 instead, so that a service
 * manager, a container runtime or a script sees the failure. Only when the application is running
 * is {@value #READY} logged.
 */
public final class Launch {

    /** The line that says the server is up and serving FastSync. */
    public static final String READY = "FastSync is ready";

    /** Set by {@code io.fastsync.server.StandaloneServer} once it has started. */
    static final String STARTED = "io.fastsync.started";

    private static final Logger LOG = Logger.getLogger(Launch.class.getName());

    private Launch() {}

    public static void main(String[] args) throws Exception {
        PayaraMicroBoot boot = PayaraMicroLauncher.create(args);
        Collection<String> deployed = boot.getRuntime().getDeployedApplicationNames();
        // Payara Micro may list an application whose start failed as deployed: the standalone
        // server's start-up bean sets this property (same JVM) as its last step.
        if (deployed.isEmpty() || !Boolean.getBoolean(STARTED)) {
            LOG.severe("FastSync did not deploy (the errors above say why); the server stops with status 1");
            try {
                boot.getRuntime().shutdown();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Payara Micro did not shut down cleanly", e);
            }
            System.exit(1);
        }
        LOG.info(() -> READY + " on HTTP port " + boot.getHttpPort() + " (" + String.join(", ", deployed) + ")");
    }
}
