/**
 * The registers grid workers keep: households and rental properties, their fields (which are
 * personal), and the rules their values must follow (ranges, phone numbers, resident ID numbers).
 */
package org.gridpatrol.geo.register;
