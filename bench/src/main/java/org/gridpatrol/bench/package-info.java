/**
 * Benchmarks run by {@code ./gridpatrol bench NAME}, outside the test suite and outside the
 * application: their own jar ({@code bench/target/gridpatrol-bench.jar}, entry {@link
 * org.gridpatrol.bench.Benchmarks}) carries the peers (jsprit, OR-Tools) so that the application jar
 * does not. Each compares a capability with a real peer on the same data in one run and prints the
 * ratio, with peak memory beside time. Results go to docs/benchmarks.md.
 */
package org.gridpatrol.bench;
