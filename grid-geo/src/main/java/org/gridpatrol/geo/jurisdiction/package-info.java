/** The administrative hierarchy that owns data: county, township, village or community. */
package org.gridpatrol.geo.jurisdiction;
