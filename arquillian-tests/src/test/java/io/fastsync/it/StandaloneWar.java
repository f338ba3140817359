package io.fastsync.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The standalone server exactly as the build produced it (fastsync-server's WAR), and its address. */
final class StandaloneWar {

    private StandaloneWar() {}

    /** @return the built WAR, imported as is; the build passes its path as {@code fastsync.war} */
    static WebArchive asBuilt() {
        return ShrinkWrap.create(ZipImporter.class, "fastsync.war")
                .importFrom(new File(System.getProperty("fastsync.war")))
                .as(WebArchive.class);
    }

    /** @return the deployment's base address, ending in a slash */
    /** @return the deployment's base on 127.0.0.1, where the test servers listen, whatever host Arquillian names */
    static URI base(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }
}
