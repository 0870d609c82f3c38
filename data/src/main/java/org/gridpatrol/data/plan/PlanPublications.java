package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.StaleVersionException;

import javax.sql.DataSource;
import java.sql.Timestamp;

/**
 * Publishing a plan: its current step becomes the published grids, in one transaction, with the
 * replaced grid versions kept as history.
 */
public interface PlanPublications {

    /** What a publication changed. */
    record Published(long planId, long publicationId, Timestamp publishedAt, int gridsChanged,
                     int gridsCreated, int gridsRemoved) {
    }

    /** Publishes into this database. */
    static PlanPublications inPostgis(DataSource dataSource) {
        return new PlanPublisher(new PlanStore(dataSource));
    }

    /**
     * @throws StaleVersionException    the plan moved past {@code expectedVersion}, was published, or
     *                                  another plan was published for the jurisdiction after it started
     * @throws IllegalArgumentException the plan is invalid, or a new grid's code is already used
     */
    Published publish(long planId, int expectedVersion, String username);
}
