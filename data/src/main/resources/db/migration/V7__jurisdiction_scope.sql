-- A jurisdiction and every jurisdiction below it (NULL: the whole tree), used by every query that
-- works "in a jurisdiction": grids, blocks, topology, registers, audit.
CREATE FUNCTION jurisdiction_scope(p_root bigint)
RETURNS TABLE (id bigint) LANGUAGE sql STABLE AS $$
    WITH RECURSIVE scope AS (
        SELECT j.id FROM jurisdiction j WHERE (p_root IS NULL AND j.parent_id IS NULL) OR j.id = p_root
        UNION ALL
        SELECT j.id FROM jurisdiction j JOIN scope s ON j.parent_id = s.id)
    SELECT scope.id FROM scope
$$;
