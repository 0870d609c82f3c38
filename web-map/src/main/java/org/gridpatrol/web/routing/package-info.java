/** The routing graph inside the application: built in the background at start, reported by health. */
package org.gridpatrol.web.routing;
