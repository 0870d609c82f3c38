package org.gridpatrol.data.postgis;

import java.nio.file.Path;

/**
 * A stand-in for the application in a JVM of its own, for {@link CrashRecoveryIT}: starts the local
 * PostGIS in the folder given as the only argument, prints {@code ready PORT} and waits to be killed,
 * never stopping the server, just as a crashed application leaves it.
 */
public final class ClusterOwnerProcess {

    private ClusterOwnerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPostgis cluster = LocalPostgis.start(Path.of(args[0]));
        String url = cluster.target().jdbcUrl();
        System.out.println("ready " + url.substring(url.lastIndexOf(':') + 1, url.lastIndexOf('/')));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
