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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Peer: jsprit 1.9.0-beta.11 as PEERS.md §4 ran it (defaults, one thread, time termination, one vehicle
 * returning to node 0). For a shift: the vehicle's latest arrival; our priority p maps to jsprit's
 * 11 − p (jsprit: 1 is the highest).
 */
final class JspritRoundTrip implements RoundTripSolver {

    @Override
    public String name() {
        return "jsprit";
    }

    private static Location at(int index) {
        return Location.Builder.newInstance().setIndex(index).setId(Integer.toString(index)).build();
    }

    @Override
    public int[] solve(RoundTrip problem, Duration budget, long seed) {
        int n = problem.size();
        FastVehicleRoutingTransportCostsMatrix.Builder costs = FastVehicleRoutingTransportCostsMatrix.Builder.newInstance(n, false);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                costs.addTransportDistance(i, j, problem.cost()[i][j]);
                costs.addTransportTime(i, j, problem.cost()[i][j]);
            }
        }
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("patrol")
                .setCostPerDistance(1.0).setCostPerTransportTime(0.0).build();
        VehicleImpl.Builder vehicle = VehicleImpl.Builder.newInstance("v").setType(type)
                .setStartLocation(at(0)).setReturnToDepot(true);
        if (problem.shift() != Long.MAX_VALUE) {
            vehicle.setEarliestStart(0).setLatestArrival(problem.shift());
        }
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE).addVehicle(vehicle.build()).setRoutingCost(costs.build());
        for (int i = 1; i < n; i++) {
            vrp.addJob(Service.Builder.newInstance(Integer.toString(i)).setLocation(at(i))
                    .setServiceTime(problem.service()[i]).setPriority(11 - problem.priority()[i]).build());
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp.build()).setRandom(new Random(seed)).buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(budget.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<Integer> order = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            for (TourActivity activity : route.getActivities()) {
                order.add(activity.getLocation().getIndex());
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
