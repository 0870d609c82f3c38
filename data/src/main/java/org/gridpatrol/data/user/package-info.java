/** User accounts: roles, the jurisdiction each may see in full, bcrypt password hashes; personal API tokens (SHA-256 only). */
package org.gridpatrol.data.user;
