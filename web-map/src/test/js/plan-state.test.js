// The planner's reducer (planner/plan-state.js): what each action keeps and what it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, initialState, planReducer, selectedGrids } from '../../main/resources/static/js/planner/plan-state.js';

// blocks 1..4; blocks 1, 2 in grid 10, block 3 in grid 11, block 4 in grid 12
const assignment = new Map([[1, 10], [2, 10], [3, 11], [4, 12]]);
const plan = { id: 7, version: 3, canUndo: true, canRedo: false };

function loaded() {
  return planReducer(initialState, { type: 'planLoaded', plan, assignment, diff: { movedBlocks: [] } });
}

test('planLoaded takes plan, assignment and diff and ends busy', () => {
  const state = planReducer({ ...initialState, busy: true }, { type: 'planLoaded', plan, assignment, diff: 'd' });
  assert.equal(state.plan, plan);
  assert.equal(state.assignment, assignment);
  assert.equal(state.diff, 'd');
  assert.equal(state.busy, false);
  assert.equal(state.tool, 'select');
});

test('planLoaded keeps only the selected blocks that are still in the plan', () => {
  const before = { ...initialState, selection: new Set([2, 4, 99]) };
  const state = planReducer(before, { type: 'planLoaded', plan, assignment, diff: null });
  assert.deepEqual([...state.selection].sort(), [2, 4]);
  assert.deepEqual([...before.selection].sort((a, b) => a - b), [2, 4, 99], 'the previous state is not changed');
});

test('select replace, add and toggle', () => {
  let state = planReducer(loaded(), { type: 'select', mode: 'replace', ids: [1, 2] });
  assert.deepEqual([...state.selection], [1, 2]);
  state = planReducer(state, { type: 'select', mode: 'add', ids: [2, 3] });
  assert.deepEqual([...state.selection], [1, 2, 3]);
  state = planReducer(state, { type: 'select', mode: 'toggle', ids: [1, 4] });
  assert.deepEqual([...state.selection], [2, 3, 4]);
  state = planReducer(state, { type: 'select', mode: 'replace', ids: [4] });
  assert.deepEqual([...state.selection], [4]);
});

test('select does not change the previous state\'s selection', () => {
  const before = planReducer(loaded(), { type: 'select', mode: 'replace', ids: [1] });
  const after = planReducer(before, { type: 'select', mode: 'add', ids: [3] });
  assert.deepEqual([...before.selection], [1]);
  assert.deepEqual([...after.selection], [1, 3]);
  assert.notEqual(after.selection, before.selection);
});

test('clearSelection, tool, busy and message', () => {
  let state = planReducer(loaded(), { type: 'select', mode: 'replace', ids: [1, 2] });
  state = planReducer(state, { type: 'clearSelection' });
  assert.equal(state.selection.size, 0);
  state = planReducer(state, { type: 'tool', tool: 'lasso' });
  assert.equal(state.tool, 'lasso');
  state = planReducer(state, { type: 'busy', busy: true });
  assert.equal(state.busy, true);
  state = planReducer(state, { type: 'message', kind: 'error', text: 'nope' });
  assert.deepEqual(state.message, { kind: 'error', text: 'nope' });
  assert.equal(state.busy, false, 'a message ends the busy state');
});

test('planClosed forgets the plan but keeps the tool and the message', () => {
  let state = planReducer(loaded(), { type: 'select', mode: 'replace', ids: [1] });
  state = planReducer(state, { type: 'tool', tool: 'split' });
  state = planReducer(state, { type: 'message', kind: 'info', text: 'saved' });
  state = planReducer(state, { type: 'planClosed' });
  assert.equal(state.plan, null);
  assert.equal(state.assignment.size, 0);
  assert.equal(state.selection.size, 0);
  assert.equal(state.diff, null);
  assert.equal(state.tool, 'split');
  assert.deepEqual(state.message, { kind: 'info', text: 'saved' });
});

test('an unknown action is an error', () => {
  assert.throws(() => planReducer(initialState, { type: 'undo' }), /unknown action undo/);
});

test('selectedGrids: each grid of the selected blocks once, blocks outside the plan skipped', () => {
  const state = { ...loaded(), selection: new Set([1, 2, 4, 99]) };
  assert.deepEqual(selectedGrids(state).sort(), [10, 12]);
  assert.deepEqual(selectedGrids({ ...loaded(), selection: new Set() }), []);
});

test('createStore dispatches through the reducer and tells listeners new and previous state', () => {
  const store = createStore(planReducer, initialState);
  const seen = [];
  const unsubscribe = store.subscribe((state, previous) => seen.push([previous.tool, state.tool]));
  store.dispatch({ type: 'tool', tool: 'lasso' });
  store.dispatch({ type: 'tool', tool: 'split' });
  assert.equal(store.getState().tool, 'split');
  unsubscribe();
  store.dispatch({ type: 'tool', tool: 'select' });
  assert.deepEqual(seen, [['select', 'lasso'], ['lasso', 'split']]);
  assert.equal(store.getState().tool, 'select');
});

// grids 10, 11, 12 as the server lists them
const withGrids = { ...plan, grids: [{ id: 10 }, { id: 11 }, { id: 12 }] };

test('lock toggles a grid, never changing the previous state; unlockAll clears', () => {
  const start = planReducer(initialState, { type: 'planLoaded', plan: withGrids, assignment, diff: null });
  assert.equal(start.locked.size, 0);
  const one = planReducer(start, { type: 'lock', gridId: 11 });
  const two = planReducer(one, { type: 'lock', gridId: 12 });
  assert.deepEqual([...two.locked], [11, 12]);
  assert.deepEqual([...one.locked], [11], 'the previous state keeps its locks');
  const toggled = planReducer(two, { type: 'lock', gridId: 11 });
  assert.deepEqual([...toggled.locked], [12]);
  assert.deepEqual([...planReducer(toggled, { type: 'lock', gridId: undefined }).locked], [12], 'a click outside the plan changes nothing');
  assert.equal(planReducer(two, { type: 'unlockAll' }).locked.size, 0);
});

test('planLoaded keeps the locks of grids still in the plan and drops the others', () => {
  let state = planReducer(initialState, { type: 'planLoaded', plan: withGrids, assignment, diff: null });
  state = planReducer(planReducer(state, { type: 'lock', gridId: 10 }), { type: 'lock', gridId: 12 });
  // a merge removed grid 12
  const merged = { ...plan, version: 4, grids: [{ id: 10 }, { id: 11 }] };
  state = planReducer(state, { type: 'planLoaded', plan: merged, assignment: new Map([[1, 10], [2, 10], [3, 11], [4, 11]]), diff: null });
  assert.deepEqual([...state.locked], [10]);
});

test('job and problems are kept until replaced; no problems is an empty list; planClosed forgets both', () => {
  let state = planReducer(initialState, { type: 'job', job: { id: 'j', state: 'running', progress: 0.5 } });
  assert.equal(state.job.progress, 0.5);
  state = planReducer(state, { type: 'problems', problems: [{ kind: 'BLOCK_OVER_MAXIMUM', message: 'm', blockIds: [4], gridIds: [] }] });
  assert.equal(state.problems.length, 1);
  assert.equal(state.job.progress, 0.5);
  assert.deepEqual(planReducer(state, { type: 'problems', problems: undefined }).problems, []);
  state = planReducer(state, { type: 'planClosed' });
  assert.equal(state.job, null);
  assert.deepEqual(state.problems, []);
});
