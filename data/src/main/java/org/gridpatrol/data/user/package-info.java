/** User accounts: roles, the jurisdiction each may see in full, bcrypt password hashes. */
package org.gridpatrol.data.user;
