package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.CheckpointQueries;
import org.gridpatrol.data.patrol.PatrolRouteStore;
import org.gridpatrol.data.patrol.ServiceAreaQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The patrol data classes as beans. */
@Configuration(proxyBeanMethods = false)
class PatrolConfiguration {

    @Bean
    PatrolRouteStore patrolRouteStore(DataSource dataSource) {
        return new PatrolRouteStore(dataSource);
    }

    @Bean
    CheckpointQueries checkpointQueries(DataSource dataSource) {
        return new CheckpointQueries(dataSource);
    }

    @Bean
    ServiceAreaQueries serviceAreaQueries(DataSource dataSource) {
        return new ServiceAreaQueries(dataSource);
    }
}
