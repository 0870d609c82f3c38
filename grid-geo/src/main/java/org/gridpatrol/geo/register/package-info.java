/** The registers grid workers keep: households and rental properties, and their personal fields. */
package org.gridpatrol.geo.register;
