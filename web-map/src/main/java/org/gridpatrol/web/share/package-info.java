/**
 * Shared maps for joint border meetings (ADR 0019): planners create, list and revoke shares
 * ({@code /api/shares}); anyone with the link opens {@code /share/{token}} and reads its data
 * ({@code /api/shared/**}) with the token alone, within the share's area, layers and time, and never
 * sees a personal field. {@link org.gridpatrol.web.share.ShareAccess} decides and logs every such request.
 */
package org.gridpatrol.web.share;
