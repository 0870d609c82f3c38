package org.gridpatrol.bench;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;
import org.gridpatrol.routing.solve.tw.VrptwProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Peer: jsprit 1.9.0-beta.11 on a VRPTW (PEERS.md): services with a size dimension, service time and one
 * hard time window; an unlimited fleet of one vehicle type with the capacity, the depot's opening hours
 * and a fixed cost of {@link VrptwPeer#FIXED_COST} (so fewer vehicles come first), cost 1 per distance;
 * the double distance matrix as both distance and time. Default algorithm, one thread, time termination.
 */
final class JspritVrptw implements VrptwPeer {

    @Override
    public String name() {
        return "jsprit";
    }

    private static Location at(int index) {
        return Location.Builder.newInstance().setIndex(index).setId(Integer.toString(index)).build();
    }

    @Override
    public List<int[]> solve(VrptwProblem problem, Duration budget, long seed) {
        int n = problem.size();
        FastVehicleRoutingTransportCostsMatrix.Builder costs = FastVehicleRoutingTransportCostsMatrix.Builder.newInstance(n, false);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                costs.addTransportDistance(i, j, problem.distance()[i][j]);
                costs.addTransportTime(i, j, problem.travelTime()[i][j]);
            }
        }
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("vehicle").addCapacityDimension(0, problem.capacity())
                .setCostPerDistance(1.0).setCostPerTransportTime(0.0).setFixedCost(FIXED_COST).build();
        VehicleImpl vehicle = VehicleImpl.Builder.newInstance("v").setType(type).setStartLocation(at(0))
                .setEarliestStart(problem.ready()[0]).setLatestArrival(problem.due()[0]).setReturnToDepot(true).build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.INFINITE).addVehicle(vehicle).setRoutingCost(costs.build());
        for (int i = 1; i < n; i++) {
            vrp.addJob(Service.Builder.newInstance(Integer.toString(i)).setLocation(at(i))
                    .addSizeDimension(0, problem.demand()[i]).setServiceTime(problem.service()[i])
                    .setTimeWindow(com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow
                            .newInstance(problem.ready()[i], problem.due()[i]))
                    .build());
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp.build()).setRandom(new Random(seed)).buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(budget.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<int[]> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            routes.add(route.getActivities().stream().mapToInt(a -> a.getLocation().getIndex()).toArray());
        }
        if (!best.getUnassignedJobs().isEmpty()) {
            routes.add(new int[0]); // marks the solution incomplete for the checker
        }
        return routes;
    }
}
