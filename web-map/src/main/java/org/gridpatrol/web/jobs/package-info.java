/** Background jobs of the API (grid generation, imports, visit plans): one queue and thread per kind, kept an hour. */
package org.gridpatrol.web.jobs;
