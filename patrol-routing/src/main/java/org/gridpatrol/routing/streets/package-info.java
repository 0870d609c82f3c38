/**
 * The street network of a grid for street-coverage routes: the segments inside the grid (to be
 * driven), the segments around it (for getting between them), one-way where the mode must respect
 * it; and the road path of a coverage tour with its instructions.
 */
package org.gridpatrol.routing.streets;
