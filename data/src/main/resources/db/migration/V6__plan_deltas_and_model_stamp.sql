-- Plan steps hold deltas: step 0 is the full assignment, each later step only the blocks and grids
-- it changed (removed = the block or grid left the plan). The state at step s is, per block or grid,
-- its latest row up to s: plan_blocks() and plan_grids() compute it.
ALTER TABLE plan_step_block ADD COLUMN removed boolean NOT NULL DEFAULT false;
ALTER TABLE plan_step_grid ADD COLUMN removed boolean NOT NULL DEFAULT false;
CREATE INDEX plan_step_block_latest_idx ON plan_step_block (plan_id, block_id, step DESC);
CREATE INDEX plan_step_grid_latest_idx ON plan_step_grid (plan_id, grid_id, step DESC);

CREATE FUNCTION plan_blocks(p_plan bigint, p_step integer)
RETURNS TABLE (block_id bigint, grid_id bigint) LANGUAGE sql STABLE AS $$
    SELECT s.block_id, s.grid_id FROM (
        SELECT DISTINCT ON (b.block_id) b.block_id, b.grid_id, b.removed
        FROM plan_step_block b WHERE b.plan_id = p_plan AND b.step <= p_step
        ORDER BY b.block_id, b.step DESC) s
    WHERE NOT s.removed
$$;

CREATE FUNCTION plan_grids(p_plan bigint, p_step integer)
RETURNS TABLE (grid_id bigint, code text, name text, name_zh text) LANGUAGE sql STABLE AS $$
    SELECT s.grid_id, s.code, s.name, s.name_zh FROM (
        SELECT DISTINCT ON (g.grid_id) g.grid_id, g.code, g.name, g.name_zh, g.removed
        FROM plan_step_grid g WHERE g.plan_id = p_plan AND g.step <= p_step
        ORDER BY g.grid_id, g.step DESC) s
    WHERE NOT s.removed
$$;

-- A counter bumped by every statement that changes blocks, grids or registers: in-memory planning
-- models (block adjacency, counts per block, the published assignment) are valid while it stands still.
CREATE TABLE model_stamp (id integer PRIMARY KEY CHECK (id = 1), stamp bigint NOT NULL);
INSERT INTO model_stamp VALUES (1, 0);

CREATE FUNCTION bump_model_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE model_stamp SET stamp = stamp + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER household_stamp AFTER INSERT OR UPDATE OR DELETE ON household FOR EACH STATEMENT EXECUTE FUNCTION bump_model_stamp();
CREATE TRIGGER rental_stamp AFTER INSERT OR UPDATE OR DELETE ON rental_property FOR EACH STATEMENT EXECUTE FUNCTION bump_model_stamp();
CREATE TRIGGER block_stamp AFTER INSERT OR UPDATE OR DELETE ON block FOR EACH STATEMENT EXECUTE FUNCTION bump_model_stamp();
CREATE TRIGGER grid_block_stamp AFTER INSERT OR UPDATE OR DELETE ON grid_block FOR EACH STATEMENT EXECUTE FUNCTION bump_model_stamp();
CREATE TRIGGER grid_stamp AFTER INSERT OR UPDATE OR DELETE ON grid FOR EACH STATEMENT EXECUTE FUNCTION bump_model_stamp();
