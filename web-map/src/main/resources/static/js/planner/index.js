import { escapeHtml, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { setTargetBand, targetBand, onBandChange } from '../balance.js';
import { showStatus, clearStatus } from '../status.js';
import { BlockLayer, gridNamesOf } from './block-layer.js';
import { createStore, initialState, planReducer, selectedGrids } from './plan-state.js';
import { PlanSession } from './plan-session.js';
import { SelectTool } from './select-tool.js';
import { LassoTool } from './lasso-tool.js';
import { SplitTool } from './split-tool.js';
import { JurisdictionTree } from './jurisdiction-tree.js';
import { HistoryTool } from './history-tool.js';
import { renderDiff } from './diff-panel.js';
import { PlanPanel } from './plan-panel.js';
import { ExportForm } from './export-form.js';
import { GeneratePanel } from './generate-panel.js';
import { JobCancelled, JobPoller } from './job-poller.js';
import { samplesAlong } from './geometry.js';

const PLAN_KEY = 'gridpatrol.planId';

// The planner view: choose a jurisdiction, start or resume a plan, edit it with the tools, read
// the diff, publish. Operations go to the server one at a time; the answer (or the refusal and
// its reason) shows at once.
export class PlannerView {
  constructor({ map, me, jurisdictions, grids }) {
    this.map = map;
    this.me = me;
    this.jurisdictions = jurisdictions;
    this.grids = grids;
    this.blockLayer = new BlockLayer(map);
    this.session = new PlanSession(this.blockLayer);
    this.store = createStore(planReducer, initialState);
    const select = (ids, mode) => this.store.dispatch({ type: 'select', ids, mode });
    const lock = ([id]) => this.store.dispatch({ type: 'lock', gridId: this.store.getState().assignment.get(id) });
    this.tools = { select: new SelectTool(this.blockLayer, select), lasso: new LassoTool(this.blockLayer, select), split: new SplitTool(line => this.split(line)),
      lock: new SelectTool(this.blockLayer, lock) };
    this.jurisdictionId = me.jurisdictionId;
    this.keydown = e => this.onKey(e);
    this.store.subscribe((state, previous) => this.onState(state, previous));
    onBandChange(band => {
      this.redraw();
      document.querySelectorAll('#target-min, #target-max, #gen-min, #gen-max').forEach(input => { input.value = band[input.id.slice(-3)]; });
    });
  }

  async enable(map, panel) {
    panel.innerHTML = `<section id="planner-tree"></section>
      <section class="row" id="planner-target"><label>${escapeHtml(t('planner.target'))}
        <input type="number" id="target-min" min="0" step="10" value="${targetBand().min}"></label>
        <label>${escapeHtml(t('planner.targetTo'))} <input type="number" id="target-max" min="1" step="10" value="${targetBand().max}"></label></section>
      <section id="planner-history"></section>
      <section id="planner-plan"></section>
      <section id="planner-export"></section>
      <section id="planner-generate"></section>
      <section id="planner-diff"></section>`;
    this.tree = new JurisdictionTree(this.jurisdictions, id => {
      this.jurisdictionId = id;
      this.panel.render(this.store.getState());
      this.exportForm.render(id);
    });
    this.tree.render(panel.querySelector('#planner-tree'));
    this.history = new HistoryTool(this.grids, asOf => this.onHistory(asOf));
    this.history.render(panel.querySelector('#planner-history'));
    const band = () => setTargetBand(Number(panel.querySelector('#target-min').value), Number(panel.querySelector('#target-max').value));
    panel.querySelector('#target-min').addEventListener('change', band);
    panel.querySelector('#target-max').addEventListener('change', band);
    this.diffContainer = panel.querySelector('#planner-diff');
    this.panel = new PlanPanel(panel.querySelector('#planner-plan'), this);
    this.panel.render(this.store.getState());
    this.exportForm = new ExportForm(panel.querySelector('#planner-export'));
    this.exportForm.render(this.jurisdictionId);
    this.generatePanel = new GeneratePanel(panel.querySelector('#planner-generate'), this);
    this.generatePanel.render(this.store.getState());
    if (this.store.getState().diff) renderDiff(this.diffContainer, this.store.getState().diff); // back from another view
    document.addEventListener('keydown', this.keydown);
    this.tools[this.store.getState().tool].enable(map);
    const saved = sessionStorage.getItem(PLAN_KEY);
    if (saved && !this.store.getState().plan) await this.resume(Number(saved));
    else if (this.store.getState().plan) this.showPlanLayers(true);
  }

  disable(map) {
    document.removeEventListener('keydown', this.keydown);
    this.tools[this.store.getState().tool].disable(map);
    this.showPlanLayers(false);
  }

  showPlanLayers(planShown) {
    if (planShown) {
      this.grids.disable();
      this.blockLayer.enable();
    } else {
      this.blockLayer.disable();
      this.grids.layer.addTo(this.map);
    }
  }

  async resume(planId) {
    try {
      const plan = await this.session.fetch(planId);
      if (plan.status !== 'draft') {
        sessionStorage.removeItem(PLAN_KEY);
        return;
      }
      await this.load(plan);
    } catch (ignored) {
      sessionStorage.removeItem(PLAN_KEY);
    }
  }

  async start() {
    this.store.dispatch({ type: 'busy', busy: true });
    showStatus(escapeHtml(t('planner.starting')));
    try {
      const plan = await this.session.create(this.jurisdictionId);
      await this.load(plan);
      this.store.dispatch({ type: 'message', kind: 'ok', text: t('planner.valid') });
    } catch (error) {
      this.store.dispatch({ type: 'message', kind: 'error', text: describeError(error) });
    }
    clearStatus();
  }

  /** Shows a plan the server answered with: its assignment, outlines and diff. */
  async load(plan) {
    const details = await this.session.details(plan);
    sessionStorage.setItem(PLAN_KEY, String(plan.id));
    this.outlines = details.outlines;
    this.showPlanLayers(!this.history || !this.history.asOf);
    this.store.dispatch({ type: 'planLoaded', plan, ...details });
    document.body.dataset.planId = String(plan.id);
    document.body.dataset.planVersion = String(plan.version);
  }

  /**
   * Runs one operation; okKey/okVars (or a function of the answer giving them) say what happened
   * when the server accepts it. An answer that is a job (202: generate or rebalance of many blocks)
   * is polled until it ends; the problems of the answer are shown (none for most operations).
   */
  async operate(operation, okKey, okVars = {}) {
    const state = this.store.getState();
    if (!state.plan || state.busy) return;
    this.store.dispatch({ type: 'busy', busy: true });
    document.body.dataset.opResult = 'pending';
    try {
      let plan = await this.session.operate(state.plan, operation);
      if (plan.state) plan = await this.poll(state.plan, plan);
      await this.load(plan);
      if (operation.op === 'moveBlocks' || operation.op === 'newGrid') this.store.dispatch({ type: 'clearSelection' });
      this.store.dispatch({ type: 'problems', problems: plan.problems });
      this.store.dispatch({ type: 'message', kind: 'ok', text: t(okKey, typeof okVars === 'function' ? okVars(plan) : okVars) });
      document.body.dataset.opResult = 'ok';
    } catch (error) {
      if (error instanceof JobCancelled) {
        await this.resume(state.plan.id); // the plan as the server has it: unchanged, or done just before the cancel
        this.store.dispatch({ type: 'message', kind: 'ok', text: t('planner.gen.cancelled') });
        document.body.dataset.opResult = 'cancelled';
      } else {
        document.body.dataset.opResult = error.status === 409 ? 'stale' : 'refused';
        if (error.status === 409) await this.panel.showStale(state.plan, error);
        else this.store.dispatch({ type: 'message', kind: 'error', text: t('planner.refused', { reason: describeError(error) }) });
      }
    }
    this.store.dispatch({ type: 'job', job: null });
  }

  /** Generate or rebalance (op) to the target, keeping the locked grids. */
  regrid(op, target) {
    if (this.store.getState().busy) return undefined;
    this.store.dispatch({ type: 'job', job: { stage: t('planner.working') } });
    return this.operate({ op, target, lockedGridIds: [...this.store.getState().locked] }, `planner.ok.${op}`,
      plan => ({ grids: plan.grids.length }));
  }

  /** Follows a job until it ends: its answer, or JobCancelled, or the job's error. */
  poll(plan, job) {
    this.poller = new JobPoller({
      get: () => this.session.job(plan, job.id),
      remove: () => this.session.cancelJob(plan, job.id),
      onState: state => {
        this.store.dispatch({ type: 'job', job: state });
        document.body.dataset.jobState = state.state;
      },
    });
    return this.poller.run(job);
  }

  cancelJob() {
    if (this.poller) this.poller.cancel();
  }

  /** Selects the blocks a problem names (its blocks and the blocks of its grids) and zooms to them. */
  showProblem(problem) {
    const grids = new Set(problem.gridIds);
    const ids = [...problem.blockIds, ...[...this.store.getState().assignment].filter(([, g]) => grids.has(g)).map(([b]) => b)];
    this.store.dispatch({ type: 'select', ids, mode: 'replace' });
    this.blockLayer.fit(ids);
  }

  move(toGridId) {
    const ids = [...this.store.getState().selection];
    if (!ids.length) return this.refuse('planner.needSelection');
    if (!toGridId) return this.refuse('planner.needGrid');
    return this.operate({ op: 'moveBlocks', blockIds: ids, toGridId }, 'planner.ok.moveBlocks', { count: ids.length });
  }

  merge() {
    const gridIds = selectedGrids(this.store.getState());
    if (gridIds.length < 2) return this.refuse('planner.needTwoGrids');
    return this.operate({ op: 'mergeGrids', gridIds }, 'planner.ok.mergeGrids', { count: gridIds.length });
  }

  newGrid(name) {
    const ids = [...this.store.getState().selection];
    if (!ids.length) return this.refuse('planner.needSelection');
    if (!name) return this.refuse('planner.needName');
    return this.operate({ op: 'newGrid', blockIds: ids, name, nameZh: name }, 'planner.ok.newGrid');
  }

  /** Splits the grid of the selected blocks (when they lie in one grid), else the grid the line crosses most. */
  split(line) {
    const state = this.store.getState();
    const { assignment, plan } = state;
    if (!plan) return undefined;
    const votes = new Map();
    for (const point of samplesAlong(line, 40)) {
      const block = this.blockLayer.blockAt(point);
      if (block !== undefined) votes.set(assignment.get(block), (votes.get(assignment.get(block)) || 0) + 1);
    }
    const chosen = selectedGrids(state);
    if (!votes.size && chosen.length !== 1) return this.refuse('planner.splitNoGrid');
    const gridId = chosen.length === 1 ? chosen[0] : [...votes].sort((a, b) => b[1] - a[1])[0][0];
    const grid = plan.grids.find(g => g.id === gridId);
    return this.operate({ op: 'splitGrid', gridId, line: { type: 'LineString', coordinates: line } }, 'planner.ok.splitGrid',
      { grid: grid ? grid.code : gridId });
  }

  undo() {
    const { plan } = this.store.getState();
    if (plan && plan.canUndo) this.operate({ op: 'undo' }, 'planner.ok.undo');
  }

  redo() {
    const { plan } = this.store.getState();
    if (plan && plan.canRedo) this.operate({ op: 'redo' }, 'planner.ok.redo');
  }

  async publish() {
    const { plan } = this.store.getState();
    try {
      const published = await this.session.publish(plan);
      sessionStorage.removeItem(PLAN_KEY);
      this.store.dispatch({ type: 'planClosed' });
      this.showPlanLayers(false);
      await this.grids.reload();
      this.store.dispatch({ type: 'message', kind: 'ok',
        text: t('planner.publishedOk', { changed: published.gridsChanged, created: published.gridsCreated, removed: published.gridsRemoved }) });
      document.body.dataset.published = String(published.publicationId);
    } catch (error) {
      if (error.status === 409) await this.panel.showStale(plan, error);
      else this.store.dispatch({ type: 'message', kind: 'error', text: t('planner.refused', { reason: describeError(error) }) });
    }
  }

  refuse(key) {
    this.store.dispatch({ type: 'message', kind: 'error', text: t(key) });
    document.body.dataset.opResult = 'refused';
  }

  useTool(name) {
    const state = this.store.getState();
    if (state.tool === name) return;
    this.tools[state.tool].disable(this.map);
    this.store.dispatch({ type: 'tool', tool: name });
    this.tools[name].enable(this.map);
  }

  onKey(e) {
    if (!(e.ctrlKey || e.metaKey) || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      this.redo();
    }
  }

  onHistory(asOf) {
    const planShown = Boolean(this.store.getState().plan) && !asOf;
    this.showPlanLayers(planShown);
  }

  onState(state, previous) {
    if (state.plan !== previous.plan || state.assignment !== previous.assignment) this.redraw();
    if (state.selection !== previous.selection || state.assignment !== previous.assignment || state.locked !== previous.locked) {
      this.blockLayer.select(state.selection, state.locked);
    }
    if (state.diff !== previous.diff) renderDiff(this.diffContainer, state.diff);
    this.panel.render(state);
    this.generatePanel.render(state);
  }

  redraw() {
    const { plan, assignment, diff } = this.store.getState();
    if (!plan) return;
    const households = new Map((diff ? diff.grids : []).filter(g => g.after).map(g => [g.gridId, g.after.households]));
    this.blockLayer.show(assignment, id => households.get(id) || 0, this.outlines, gridNamesOf(plan));
    this.blockLayer.select(this.store.getState().selection, this.store.getState().locked);
    if (diff) renderDiff(this.diffContainer, diff);
  }
}
