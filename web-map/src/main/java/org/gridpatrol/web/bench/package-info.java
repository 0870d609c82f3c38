/**
 * Benchmarks run by {@code ./gridpatrol bench NAME}, outside the test suite: each compares a
 * capability with a real peer on the same data in one run and prints the ratio, with peak memory
 * beside time. Results go to docs/benchmarks.md.
 */
package org.gridpatrol.web.bench;
