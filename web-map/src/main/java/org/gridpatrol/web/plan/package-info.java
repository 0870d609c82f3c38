/** The planning API: plans, their operations, diff, publish and export. */
package org.gridpatrol.web.plan;
