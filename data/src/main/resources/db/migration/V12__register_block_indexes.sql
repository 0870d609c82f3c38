-- Registers by block: a split counts the rows of the cut block (PlanningModel.withParts), the register
-- API lists `?block=ID`, re-assignment after a split reads the parent's rows. Without these, each of
-- those read all of a county's households (300 ms for 1,000,000 rows; ~1 ms with the index).
CREATE INDEX household_block_idx ON household (block_id);
CREATE INDEX rental_property_block_idx ON rental_property (block_id);
