/** Who may do what: accounts from PostGIS, form login for the page, HTTP Basic for API clients. */
package org.gridpatrol.web.security;
