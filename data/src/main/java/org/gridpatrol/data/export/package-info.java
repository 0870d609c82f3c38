/**
 * Exports of a jurisdiction's layers (jurisdictions, grids, blocks, households, rentals) as a stream
 * of rows read through a database cursor, never a whole county in memory. {@link
 * org.gridpatrol.data.export.Exports} is the capability, {@link org.gridpatrol.data.export.ExportLayer}
 * and {@link org.gridpatrol.data.export.ExportSchema} say what a layer holds; file formats are the
 * application's business.
 */
package org.gridpatrol.data.export;
