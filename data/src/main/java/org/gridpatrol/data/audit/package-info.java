/** Reading the audit trail: who changed what, when. */
package org.gridpatrol.data.audit;
