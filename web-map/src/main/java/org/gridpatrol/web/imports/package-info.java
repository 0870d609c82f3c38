/**
 * The import API (issue 16, ADR 0032): preview a county's file, then run or dry-run its import as a
 * job with progress, cancel and a per-row report; files land in a temporary file under the data
 * folder and are deleted when the request or job ends. The reading itself is
 * {@link org.gridpatrol.data.imports.Imports}'s.
 */
package org.gridpatrol.web.imports;
