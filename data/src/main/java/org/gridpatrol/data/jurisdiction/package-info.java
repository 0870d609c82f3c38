/** Reading the jurisdiction tree from PostGIS. */
package org.gridpatrol.data.jurisdiction;
