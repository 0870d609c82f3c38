/**
 * User accounts: roles, the jurisdiction each may see in full, bcrypt password hashes; personal API
 * tokens (SHA-256 only); failed logins shared by every instance ({@link org.gridpatrol.data.user.LoginFailures}).
 */
package org.gridpatrol.data.user;
