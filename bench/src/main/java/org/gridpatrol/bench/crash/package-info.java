/**
 * {@code ./gridpatrol bench crash}: the crash soak of issue 19. The application jar runs as a child
 * process on a data folder of its own ({@link org.gridpatrol.bench.crash.ApplicationProcess}), real
 * HTTP traffic publishes plans, imports households, runs grid generation jobs and edits registers
 * ({@link org.gridpatrol.bench.crash.Workload}), the JVM is killed with SIGKILL at a seeded random
 * moment inside one of those operations, restarted, and the database is checked
 * ({@link org.gridpatrol.data.consistency.ConsistencyCheck} plus what the clients were told).
 */
package org.gridpatrol.bench.crash;
