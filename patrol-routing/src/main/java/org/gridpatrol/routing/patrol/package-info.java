/**
 * Patrol planning as one operation each, for every caller (HTTP API, shared maps, benchmarks):
 * {@link org.gridpatrol.routing.patrol.PatrolLoops} takes teams' bases and checkpoints through travel
 * matrix, planner and road paths to each team's loop with arrivals and instructions;
 * {@link org.gridpatrol.routing.patrol.PatrolCoverage} takes a grid and a base through the grid's
 * street network and a Chinese-postman tour to one route that travels every street of the grid;
 * {@link org.gridpatrol.routing.patrol.JointRoutes} routes the legs of a shared map's joint routes;
 * {@link org.gridpatrol.routing.patrol.CheckpointKind} holds the priority and service time of the
 * checkpoints selected from the registers. Errors are the engine's own exceptions
 * ({@link org.gridpatrol.routing.graph.PointOffNetworkException},
 * {@link org.gridpatrol.routing.graph.NoRouteException},
 * {@link org.gridpatrol.routing.patrol.CoverageRefusedException}); storing and HTTP are the callers'.
 * Service circles are {@link org.gridpatrol.routing.isochrone.ServiceArea}, already one operation.
 */
package org.gridpatrol.routing.patrol;
