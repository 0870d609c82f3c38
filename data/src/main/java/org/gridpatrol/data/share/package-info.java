/**
 * Shared maps for joint border meetings: shares (area, layers, expiry, hashed token and PIN), the
 * access log and the meeting's annotations. Every map answer here is aggregate: no query in this
 * package selects a personal field.
 */
package org.gridpatrol.data.share;
