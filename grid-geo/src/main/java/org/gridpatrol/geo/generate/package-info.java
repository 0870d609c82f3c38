/**
 * Dividing a jurisdiction's blocks into grids automatically: {@link org.gridpatrol.geo.generate.GridGenerator}
 * draws contiguous, compact grids whose workload lies in a band, {@link org.gridpatrol.geo.generate.GridRebalancer}
 * brings existing grids back into the band by moving as few blocks as possible. Both work on a
 * {@link org.gridpatrol.geo.generate.WeightedBlockGraph} and answer a {@link org.gridpatrol.geo.generate.Regridding}.
 */
package org.gridpatrol.geo.generate;
