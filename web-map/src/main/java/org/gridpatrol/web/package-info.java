/** The gridpatrol application: command line, wiring of the engine modules, HTTP API and web map. */
package org.gridpatrol.web;
