package org.gridpatrol.data.sample;

import org.gridpatrol.data.block.BlockDeriver;
import org.gridpatrol.data.block.RegisterAssigner;
import org.gridpatrol.data.plan.GenerationGraphs;
import org.gridpatrol.data.plan.WorkloadWeights;
import org.gridpatrol.geo.generate.GenerationProblem;
import org.gridpatrol.geo.generate.GenerationTarget;
import org.gridpatrol.geo.generate.GridGenerator;
import org.gridpatrol.geo.generate.Regridding;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.generate.WorkloadBand;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a first grid set for every township that has none: cuts the township into blocks
 * ({@link BlockDeriver}), puts its registers into their blocks ({@link RegisterAssigner}: the
 * generator weighs blocks by their households), and divides the blocks with {@link GridGenerator}
 * into contiguous grids of {@code householdsPerGrid} ± a third (200–400 for the demo), never across a
 * village where the township has villages. A grid is the union of its blocks, so the grids cover the
 * township with no gap or overlap. Households, rentals and key places then follow their block into
 * the grid ({@link RegisterAssigner} again).
 *
 * <p>What the blocks do not allow (a block alone above the band, a village or a cut-off piece below
 * it) is logged per township with the generator's problems; the grids are made all the same.
 */
final class InitialGridGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(InitialGridGenerator.class);

    private final Connection connection;
    private final SampleSize size;
    private final WKBReader reader = new WKBReader(new GeometryFactory());

    InitialGridGenerator(Connection connection, SampleSize size) {
        this.connection = connection;
        this.size = size;
    }

    private record Township(long id, String code, String name, String countyCode, Geometry area) {
    }

    /** The band of the sample's grids: {@code householdsPerGrid} ± a third (300 → 200–400). */
    static WorkloadBand band(SampleSize size) {
        return new WorkloadBand(size.householdsPerGrid() * 2.0 / 3, size.householdsPerGrid() * 4.0 / 3);
    }

    int generate() throws SQLException {
        int grids = 0;
        for (Township township : townshipsWithoutGrids()) {
            new BlockDeriver(connection).derive(township.id());
            new RegisterAssigner(connection).assign(township.id()); // blocks only: no grid yet
            WeightedBlockGraph graph = GenerationGraphs.load(connection, township.id(), WorkloadWeights.HOUSEHOLDS);
            if (graph.size() == 0) {
                continue;
            }
            WorkloadBand band = band(size);
            Regridding regridding = new GridGenerator(graph, new GenerationTarget(band, null)).setSeed(size.seed()).getResult();
            for (GenerationProblem problem : regridding.problems()) {
                LOG.info("Sample grids of {} ({}): {} {}", township.name(), township.code(), problem.kind(), problem.message());
            }
            // grids numbered in the generator's order (-1, -2, …), each with its blocks in id order
            Map<Long, List<Long>> blocksByGrid = new TreeMap<>(java.util.Comparator.reverseOrder());
            new TreeMap<>(regridding.gridOfBlock()).forEach((block, grid) ->
                    blocksByGrid.computeIfAbsent(grid, k -> new ArrayList<>()).add(block));
            int n = 0;
            for (List<Long> blockIds : blocksByGrid.values()) {
                insertGrid(township, ++n, blockIds);
            }
            new RegisterAssigner(connection).assign(township.id());
            grids += n;
        }
        return grids;
    }

    private List<Township> townshipsWithoutGrids() throws SQLException {
        List<Township> result = new ArrayList<>();
        String sql = """
                SELECT j.id, j.code, j.name, j.county_code, ST_AsBinary(j.geom) FROM jurisdiction j
                WHERE j.level = 'township' AND NOT EXISTS (SELECT 1 FROM grid g WHERE g.jurisdiction_id = j.id)
                ORDER BY j.id""";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(new Township(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        reader.read(rs.getBytes(5))));
            }
        } catch (ParseException e) {
            throw new SQLException("PostGIS returned unreadable WKB", e);
        }
        return result;
    }

    private void insertGrid(Township township, int number, List<Long> blockIds) throws SQLException {
        String sql = """
                INSERT INTO grid (jurisdiction_id, county_code, code, name, name_zh, geom)
                SELECT ?, ?, ?, ?, ?, ST_Multi(ST_CollectionExtract(ST_Union(geom), 3)) FROM block WHERE id = ANY(?)
                RETURNING id""";
        long gridId;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, township.id());
            insert.setString(2, township.countyCode());
            insert.setString(3, township.code() + "-G" + String.format("%02d", number));
            insert.setString(4, township.name() + " grid " + number);
            insert.setString(5, township.name() + " 第" + number + "网格");
            insert.setArray(6, connection.createArrayOf("bigint", blockIds.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                gridId = rs.getLong(1);
            }
        }
        try (PreparedStatement link = connection.prepareStatement("INSERT INTO grid_block (grid_id, block_id) VALUES (?, ?)")) {
            for (long blockId : blockIds) {
                link.setLong(1, gridId);
                link.setLong(2, blockId);
                link.addBatch();
            }
            link.executeBatch();
        }
    }
}
