package org.gridpatrol.data.share;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * Shared maps: the shares themselves, the access log, the meeting's annotations, and the map data a
 * share shows (every party's grids and jurisdictions that meet its area, with counts only).
 */
public interface Shares {

    /** The {@code share}, {@code share_access} and {@code share_annotation} tables of this database. */
    static Shares inPostgis(DataSource dataSource) {
        return new ShareStore(dataSource);
    }

    /**
     * @throws IllegalArgumentException when a jurisdiction id names none, the area is not a valid polygon
     *                                  or a route end lies outside the area
     */
    ShareRecord create(NewShare share);

    /** Shares created by {@code createdBy}, or every share when it is null; newest first. */
    List<ShareRecord> list(String createdBy);

    Optional<ShareRecord> find(long id);

    Optional<ShareRecord> findByTokenSha256(byte[] sha256);

    /** Revokes the share now (idempotent); false when no share has the id. */
    boolean revoke(long id);

    /** Records one request made with the share's token: never the token, only the resource path without it. */
    void logAccess(long shareId, String address, String resource, int status);

    /** The access log of a share, newest first: {@code [{"at", "address", "resource", "status"}]}. */
    String accessLog(long shareId, int limit);

    /** Grids of every party that meet the share's area, as a GeoJSON FeatureCollection with counts. */
    String grids(long shareId);

    /** Townships and villages with part of their surface in the area, clipped to it (polygons only). */
    String jurisdictions(long shareId);

    /** The share's area as a GeoJSON geometry. */
    String area(long shareId);

    /** Whether the envelope (WGS84) meets the share's area. */
    boolean meetsArea(long shareId, double west, double south, double east, double north);

    /**
     * Pins a note to the map of the share.
     *
     * @throws IllegalArgumentException when the point lies outside the share's area
     */
    long annotate(long shareId, String author, String body, double lon, double lat);

    /** The share's annotations, oldest first, as a GeoJSON FeatureCollection ({@code author}, {@code text}, {@code createdAt}). */
    String annotations(long shareId);
}
