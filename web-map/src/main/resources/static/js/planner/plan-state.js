// The planner's state as a small reducer: the plan as the server last answered it (version,
// validation, canUndo/canRedo for the undo/redo buttons), the block → grid assignment of the
// plan's current step, the diff, the selection and the active tool. Undo and redo themselves are
// server operations (the plan keeps its steps), so every client shows the same history. For
// generate and rebalance: the locked grids (kept as they are), the running job and the problems
// the last answer named.
export const initialState = Object.freeze({
  plan: null, assignment: new Map(), diff: null, selection: new Set(), tool: 'select', busy: false, message: null,
  locked: new Set(), job: null, problems: [],
});

export function planReducer(state, action) {
  switch (action.type) {
    case 'planLoaded': {
      const selection = new Set([...state.selection].filter(id => action.assignment.has(id)));
      // a locked grid that an undo or a merge removed is no longer locked
      const locked = new Set((action.plan.grids || []).map(g => g.id).filter(id => state.locked.has(id)));
      return { ...state, plan: action.plan, assignment: action.assignment, diff: action.diff, selection, locked, busy: false };
    }
    case 'planClosed':
      return { ...initialState, tool: state.tool, message: state.message };
    case 'select': {
      const selection = action.mode === 'replace' ? new Set() : new Set(state.selection);
      for (const id of action.ids) {
        if (action.mode === 'toggle' && selection.has(id)) selection.delete(id);
        else selection.add(id);
      }
      return { ...state, selection };
    }
    case 'clearSelection':
      return { ...state, selection: new Set() };
    case 'lock': {
      const locked = new Set(state.locked);
      if (action.gridId !== undefined && !locked.delete(action.gridId)) locked.add(action.gridId);
      return { ...state, locked };
    }
    case 'unlockAll':
      return { ...state, locked: new Set() };
    case 'job':
      return { ...state, job: action.job };
    case 'problems':
      return { ...state, problems: action.problems || [] };
    case 'tool':
      return { ...state, tool: action.tool };
    case 'busy':
      return { ...state, busy: action.busy };
    case 'message':
      return { ...state, message: { kind: action.kind, text: action.text }, busy: false };
    default:
      throw new Error(`unknown action ${action.type}`);
  }
}

/** A store around a reducer: getState, dispatch, subscribe (listeners get state and previous state). */
export function createStore(reducer, state) {
  const listeners = new Set();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reducer(state, action);
      listeners.forEach(fn => fn(state, previous));
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** The grids the selected blocks belong to in the plan. */
export function selectedGrids(state) {
  return [...new Set([...state.selection].map(id => state.assignment.get(id)).filter(g => g !== undefined))];
}
