package org.gridpatrol.web;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application as {@code ./gridpatrol demo} runs it: its own PostGIS cluster in a fresh data
 * folder under {@code target/}, the Andorra sample loaded, the routing graph built. Test classes
 * that carry this annotation share one running application (Spring caches the context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gridpatrol.demo.enabled=true",
        "gridpatrol.demo.password=" + DemoApplicationIT.PASSWORD,
        "gridpatrol.data-dir=target/it-data/${random.uuid}",
        "gridpatrol.osm-file=../data/sample/andorra.osm.pbf",
        // uploads above 1 MB are refused (413): small enough for ImportApiIT to try without a large file
        "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB"})
public @interface DemoApplicationIT {
    String PASSWORD = "it-demo-secret";
}
