/**
 * The registers grid workers keep (households, rental properties, inspections), seen through {@link
 * org.gridpatrol.data.register.Registers}: reads that show personal fields only to the owning
 * jurisdiction, and writes that put each row into its block and grid in the same transaction.
 */
package org.gridpatrol.data.register;
