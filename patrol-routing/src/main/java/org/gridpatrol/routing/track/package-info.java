/**
 * GPS tracks on the road graph: a hidden-Markov map matcher in the style of Newson &amp; Krumm (2009)
 * written on GraphHopper's graph ({@link org.gridpatrol.routing.track.HmmMatcher}, ADR 0041), the
 * reading and checking of uploaded fixes (GPX 1.1 or JSON), and how much of a grid's streets a
 * matched track runs along.
 */
package org.gridpatrol.routing.track;
