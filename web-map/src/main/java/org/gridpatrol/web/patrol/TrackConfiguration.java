package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.PatrolTracks;
import org.gridpatrol.routing.track.TrackChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * GPS track beans. {@code gridpatrol.tracks.max-points} (default 100,000) caps the fixes of one
 * upload: about 28 hours at one fix a second, and about 10 MB of GPX, the upload size limit.
 */
@Configuration(proxyBeanMethods = false)
class TrackConfiguration {

    @Bean
    PatrolTracks patrolTracks(DataSource dataSource) {
        return PatrolTracks.inPostgis(dataSource);
    }

    @Bean
    TrackChecks trackChecks(@Value("${gridpatrol.tracks.max-points:100000}") int maxPoints) {
        return new TrackChecks(maxPoints, TrackChecks.DEFAULT_MAX_JUMP_METERS);
    }
}
