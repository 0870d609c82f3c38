package org.gridpatrol.data.plan;

import org.gridpatrol.data.postgis.StaleVersionException;
import org.gridpatrol.geo.generate.GenerationListener;
import org.gridpatrol.geo.generate.WeightedBlockGraph;
import org.gridpatrol.geo.plan.PlanDiff;
import org.gridpatrol.geo.plan.PlanDiffCalculator;
import org.gridpatrol.geo.plan.PlanEditor;
import org.gridpatrol.geo.plan.PlanOperation;
import org.gridpatrol.geo.plan.PlanState;
import org.gridpatrol.geo.plan.PlanValidation;
import org.gridpatrol.geo.plan.PlanValidator;
import org.gridpatrol.geo.plan.PlanningModel;
import org.gridpatrol.geo.topology.BlockTopology;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Editing a plan: apply one operation (or undo/redo) to the current step, validate the result
 * against the jurisdiction's blocks, and store it as the next step, all guarded by the plan's
 * version. A refused operation stores nothing.
 */
final class PlanService implements Plans {

    private final PlanStore store;
    /** Planning models by jurisdiction, valid while {@code model_stamp} stands still. */
    private final PlanningModels models = new PlanningModels();
    /** Each plan as last written or read here: saves reading a county's assignment again per edit. */
    private final Map<Long, PlanRecord> plans = new ConcurrentHashMap<>();
    /** The last validation of each plan, so that an edit re-checks only the grids it touched. */
    private final Map<Long, PlanView> views = new ConcurrentHashMap<>();
    /** The moves of each plan's last diff: the next diff looks again only at the blocks an edit changed. */
    private final Map<Long, PlanDiffCalculator.Moves> moves = new ConcurrentHashMap<>();
    /** Validators by plan, with the model they were made for: reused while the plan's blocks stay the same. */
    private final Map<Long, Map.Entry<PlanningModel, PlanValidator>> validators = new ConcurrentHashMap<>();

    PlanService(PlanStore store) {
        this.store = store;
    }

    private PlanningModel model(Connection c, long jurisdictionId) throws SQLException {
        return models.get(c, jurisdictionId);
    }

    private PlanRecord remember(PlanRecord plan) {
        plans.put(plan.id(), plan);
        return plan;
    }

    @Override
    public PlanDiff diff(long planId) {
        return store.withConnection("cannot compute the diff of plan " + planId, c -> {
            PlanRecord plan = current(c, planId);
            PlanningModel model = model(c, plan.jurisdictionId());
            PlanDiffCalculator calculator = new PlanDiffCalculator(model, plan.id(), plan.version(), plan.state())
                    .setPrevious(moves.get(planId));
            moves.put(planId, calculator.getMoves());
            return calculator.getResult();
        });
    }

    /** The plan at its current version, from the cache when it is current. */
    private PlanRecord current(Connection c, long planId) throws SQLException {
        PlanRecord cached = plans.get(planId);
        try (PreparedStatement s = c.prepareStatement("SELECT version, status FROM plan WHERE id = ?")) {
            s.setLong(1, planId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new org.gridpatrol.data.postgis.UnknownIdException("no plan has id " + planId);
                }
                if (cached != null && cached.version() == rs.getInt(1) && cached.status().equals(rs.getString(2))) {
                    return cached;
                }
            }
        }
        return remember(PlanStore.load(c, planId));
    }

    @Override
    public PlanView create(long jurisdictionId, String username) {
        return view(remember(store.create(jurisdictionId, username)));
    }

    @Override
    public PlanView get(long planId) {
        // view() outside: it opens its own connection, as before
        return view(store.withConnection("cannot read plan " + planId, c -> current(c, planId)));
    }

    @Override
    public PlanView apply(long planId, int version, PlanOperation operation, String username) {
        PlanRecord saved = store.inTransaction(c -> {
            PlanRecord plan = PlanStore.lockAtVersion(c, planId, version, plans.get(planId));
            PlanState next = new PlanEditor(plan.jurisdictionCode()).apply(plan.state(), operation);
            return PlanStore.saveStep(c, plan, next, describe(operation), username);
        });
        return view(remember(saved));
    }

    @Override
    public GenerationView generate(long planId, int version, Generation generation, GenerationListener listener,
                                   String username) {
        // read and run outside the transaction: a county's generation takes seconds and must not hold the plan's lock
        PlanRecord[] read = new PlanRecord[1];
        WeightedBlockGraph graph = store.withConnection("cannot read plan " + planId, c -> {
            PlanRecord plan = current(c, planId);
            if (plan.version() != version) {
                throw new StaleVersionException("plan " + planId + " is at version " + plan.version() + ", not " + version
                        + ": someone changed it meanwhile; reload it and generate again", plan.version());
            }
            PlanGeneration.requireGrids(plan.state(), generation.lockedGridIds());
            read[0] = plan;
            PlanningModel model = model(c, plan.jurisdictionId());
            // rebalancing moves the plan's blocks; generating also takes the jurisdiction's blocks in no grid yet
            Set<Long> blocks = generation.rebalance() ? plan.state().gridOfBlock().keySet()
                    : model.expectedBlocks(plan.state().gridOfBlock().keySet());
            blocks = new java.util.TreeSet<>(blocks);
            blocks.retainAll(model.blocks().keySet());
            return GenerationGraphs.of(c, plan.jurisdictionId(), model, blocks, generation.weights());
        });
        PlanGeneration.Outcome outcome = new PlanGeneration(read[0].state()).run(graph, generation, listener);
        if (listener.cancelled()) {
            throw new org.gridpatrol.geo.generate.GenerationCancelledException(); // asked to stop after the last check: store nothing
        }
        PlanRecord saved = store.inTransaction(c -> {
            PlanRecord plan = PlanStore.lockAtVersion(c, planId, version, plans.get(planId));
            PlanState next = new PlanEditor(plan.jurisdictionCode()).apply(plan.state(), outcome.regrid());
            return PlanStore.saveStep(c, plan, next, describe(generation, outcome), username);
        });
        return new GenerationView(view(remember(saved)), outcome.problems());
    }

    private static String describe(Generation generation, PlanGeneration.Outcome outcome) {
        var target = generation.target();
        return (generation.rebalance() ? "Rebalance" : "Generate") + "[target="
                + (target.band() != null ? target.band().min() + "-" + target.band().max() : target.grids() + " grids")
                + ", locked=" + new java.util.TreeSet<>(generation.lockedGridIds()) + ", weights=" + generation.weights()
                + ", seed=" + generation.seed() + ", " + outcome.regrid() + "]";
    }

    @Override
    public PlanView split(long planId, int version, SplitLine line, String username) {
        PlanRecord saved = store.inTransaction(c -> {
            PlanRecord plan = PlanStore.lockAtVersion(c, planId, version, plans.get(planId));
            PlanningModel before = model(c, plan.jurisdictionId());
            BlockSplitter splitter = new BlockSplitter(c);
            PlanOperation.SplitGrid split = splitter.split(plan, line);
            PlanState next = new PlanEditor(plan.jurisdictionCode()).apply(plan.state(), split);
            PlanRecord result = PlanStore.saveStep(c, plan, next, "SplitGrid[gridId=" + line.gridId() + ", line=" + line.wkt() + "]", username);
            // the model as it will be after this commit: the same blocks plus the new parts
            models.afterSplit(c, plan.jurisdictionId(), before, splitter.lastParts);
            return result;
        });
        return view(remember(saved));
    }

    @Override
    public PlanView undo(long planId, int version, String username) {
        return view(remember(store.moveStep(planId, version, -1, username)));
    }

    @Override
    public PlanView redo(long planId, int version, String username) {
        return view(remember(store.moveStep(planId, version, +1, username)));
    }

    private PlanView view(PlanRecord plan) {
        PlanView cached = views.get(plan.id());
        if (cached != null && cached.plan().version() == plan.version()) {
            return cached;
        }
        return store.withConnection("cannot validate plan " + plan.id(), c -> {
            PlanningModel model = model(c, plan.jurisdictionId());
            PlanView previous = views.get(plan.id());
            Map.Entry<PlanningModel, PlanValidator> known = validators.get(plan.id());
            PlanValidator validator = null;
            if (known != null && previous != null && previous.plan().version() == plan.version() - 1) {
                List<Long> removed = new ArrayList<>();
                List<Long> added = new ArrayList<>();
                blocksReplaced(previous.plan().state(), plan.state(), removed, added);
                if (removed.isEmpty() && added.isEmpty() && known.getKey() == model) {
                    validator = known.getValue();
                } else if (removed.size() + added.size() < 1_000) {
                    validator = known.getValue().replacing(removed, added, model.adjacency()); // a split, or its undo
                }
            }
            if (validator == null) {
                validator = new PlanValidator(model.expectedBlocks(plan.state().gridOfBlock().keySet()), model.adjacency());
            }
            validators.put(plan.id(), Map.entry(model, validator));
            PlanValidation validation = previous != null && previous.plan().version() == plan.version() - 1
                    ? validator.revalidate(previous.plan().state(), previous.validation(), plan.state())
                    : validator.validate(plan.state());
            PlanView view = new PlanView(plan, validation);
            views.put(plan.id(), view);
            return view;
        });
    }

    /**
     * Validates the plan's current state. The blocks it must cover are the jurisdiction's active
     * blocks, where parts of a block split by this plan stand in for the block: a block counts as
     * covered when it, one of its descendants or one of its ancestors is in the plan.
     */
    static PlanValidation validate(Connection c, PlanRecord plan) throws SQLException {
        Set<Long> expected = new HashSet<>(plan.state().gridOfBlock().keySet());
        String uncovered = """
                WITH RECURSIVE planned AS (SELECT block_id AS id FROM plan_blocks(?, ?)),
                ancestors AS (
                    SELECT b.parent_block_id AS id FROM block b JOIN planned p ON p.id = b.id WHERE b.parent_block_id IS NOT NULL
                    UNION
                    SELECT b.parent_block_id FROM block b JOIN ancestors a ON a.id = b.id WHERE b.parent_block_id IS NOT NULL),
                descendants AS (
                    SELECT c.id FROM block c JOIN planned p ON c.parent_block_id = p.id
                    UNION
                    SELECT c.id FROM block c JOIN descendants d ON c.parent_block_id = d.id),
                covered AS (SELECT id FROM planned UNION SELECT id FROM ancestors UNION SELECT id FROM descendants)
                SELECT b.id FROM block b WHERE b.jurisdiction_id = ? AND NOT b.retired AND b.id NOT IN (SELECT id FROM covered)""";
        try (PreparedStatement s = c.prepareStatement(uncovered)) {
            s.setLong(1, plan.id());
            s.setInt(2, plan.step());
            s.setLong(3, plan.jurisdictionId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getLong(1));
                }
            }
        }
        BlockTopology topology = BlockTopologyQuery.of(c, plan.jurisdictionId());
        return new PlanValidator(expected, topology.adjacency()).validate(plan.state());
    }

    /** Blocks only in {@code before} (removed) and only in {@code after} (added). */
    private static void blocksReplaced(PlanState before, PlanState after, List<Long> removed, List<Long> added) {
        for (long block : after.changedBlocks(before)) {
            boolean was = before.gridOfBlock().containsKey(block);
            boolean is = after.gridOfBlock().containsKey(block);
            if (was && !is) {
                removed.add(block);
            } else if (is && !was) {
                added.add(block);
            }
        }
    }

    static String describe(PlanOperation operation) {
        return operation.toString();
    }
}
