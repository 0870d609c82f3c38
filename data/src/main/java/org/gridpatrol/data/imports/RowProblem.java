package org.gridpatrol.data.imports;

/**
 * Why one row was refused or left unplaced.
 *
 * @param line   the row's line in the file (1 = the header of a CSV; the feature's number in other formats)
 * @param field  the field concerned, or null for the whole row
 * @param reason what is wrong, in one sentence
 */
public record RowProblem(long line, String field, String reason) {
}
