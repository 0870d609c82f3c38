/**
 * Road paths through ordered points or along given graph edges: geometry, distance, duration and
 * turn instructions in zh-CN and English.
 */
package org.gridpatrol.routing.route;
