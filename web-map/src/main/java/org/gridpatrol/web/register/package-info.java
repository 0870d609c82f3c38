/** The register API: households and rental properties, with personal fields kept in their jurisdiction. */
package org.gridpatrol.web.register;
