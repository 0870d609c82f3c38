package org.gridpatrol.web.patrol;

import org.gridpatrol.data.patrol.Checkpoints;
import org.gridpatrol.data.patrol.PatrolRoutes;
import org.gridpatrol.data.patrol.PatrolSchedules;
import org.gridpatrol.data.patrol.VisitConfirmations;
import org.gridpatrol.data.patrol.ServiceAreas;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The patrol data classes as beans. */
@Configuration(proxyBeanMethods = false)
class PatrolConfiguration {

    @Bean
    PatrolRoutes patrolRoutes(DataSource dataSource) {
        return PatrolRoutes.inPostgis(dataSource);
    }

    @Bean
    Checkpoints checkpoints(DataSource dataSource) {
        return Checkpoints.inPostgis(dataSource);
    }

    @Bean
    PatrolSchedules patrolSchedules(DataSource dataSource) {
        return PatrolSchedules.inPostgis(dataSource);
    }

    @Bean
    VisitConfirmations visitConfirmations(DataSource dataSource) {
        return VisitConfirmations.inPostgis(dataSource);
    }

    @Bean
    ServiceAreas serviceAreas(DataSource dataSource) {
        return ServiceAreas.inPostgis(dataSource);
    }
}
