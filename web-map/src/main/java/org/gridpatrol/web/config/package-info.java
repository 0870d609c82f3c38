/** Typed configuration: the {@code gridpatrol.*} properties. */
package org.gridpatrol.web.config;
