/**
 * The pure access rules: which role may do what, and who sees personal fields. The web layer's
 * {@code AccessPolicy} applies them to a caller and a jurisdiction; nothing else decides.
 */
package org.gridpatrol.geo.access;
