import { escapeHtml, localName, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { urlOf } from '../api.js';
import { selectedGrids } from './plan-state.js';
import { changeTest } from './diff-panel.js';

// The plan part of the planner panel: start button, tools, selection, operations, undo/redo,
// the result of the last operation, publish (with a confirmation) and export; the stale-plan
// dialog. The skeleton is drawn once per plan; render(state) updates what changes.
export class PlanPanel {
  constructor(container, view) {
    this.container = container;
    this.view = view;
    this.shownPlanId = undefined;
  }

  render(state) {
    const planId = state.plan ? state.plan.id : null;
    const published = state.plan && state.plan.status !== 'draft';
    if (planId !== this.shownPlanId) {
      this.shownPlanId = planId;
      this.container.innerHTML = planId ? this.planHtml(state.plan) : this.startHtml();
      this.wire();
    }
    const startButton = this.container.querySelector('#plan-start');
    if (startButton) startButton.disabled = !this.view.jurisdictionId || state.busy;
    this.showMessage(state.message);
    if (!state.plan || published) return;
    const plan = state.plan;
    this.container.querySelector('#plan-title').textContent = t('planner.planTitle', { id: plan.id, version: plan.version });
    const validation = this.container.querySelector('#plan-validation');
    validation.className = plan.validation.valid ? 'valid' : 'invalid';
    validation.textContent = plan.validation.valid ? t('planner.valid') : t('planner.invalid', { errors: plan.validation.errors.join('; ') });
    this.container.querySelectorAll('[data-tool]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.tool === state.tool)));
    this.container.querySelector('#split-actions').hidden = state.tool !== 'split';
    this.container.querySelector('#tool-hint').textContent = t(`planner.tool.${state.tool}Hint`);
    const grids = selectedGrids(state);
    this.container.querySelector('#selection-info').textContent = state.selection.size
      ? t('planner.selection', { blocks: state.selection.size, grids: grids.length }) : t('planner.selectionNone');
    document.body.dataset.selectedBlocks = String(state.selection.size);
    const target = this.container.querySelector('#move-target');
    const chosen = target.value;
    target.innerHTML = `<option value="">—</option>` + plan.grids.map(g =>
      `<option value="${g.id}">${escapeHtml(g.code)} ${escapeHtml(localName(g))} (${g.blocks})</option>`).join('');
    target.value = plan.grids.some(g => String(g.id) === chosen) ? chosen : '';
    const idle = !state.busy;
    this.container.querySelector('#move-button').disabled = !idle || !state.selection.size;
    this.container.querySelector('#merge-button').disabled = !idle || grids.length < 2;
    this.container.querySelector('#new-grid-button').disabled = !idle || !state.selection.size;
    this.container.querySelector('#undo-button').disabled = !idle || !plan.canUndo;
    this.container.querySelector('#redo-button').disabled = !idle || !plan.canRedo;
    this.container.querySelector('#publish-button').disabled = !idle || !plan.validation.valid;
  }

  startHtml() {
    return `<h2>${escapeHtml(t('planner.plan'))}</h2><p class="note">${escapeHtml(t('planner.choose'))}</p>
      <button type="button" id="plan-start" class="primary">${escapeHtml(t('planner.start'))}</button>
      <p id="op-result" role="status" hidden></p>`;
  }

  planHtml(plan) {
    const exports = [['geojson', 'blocks', 'planner.exportGeojson'], ['csv', 'blocks', 'planner.exportCsv'], ['csv', 'households', 'planner.exportCsvHouseholds']]
      .map(([format, of, key]) => `<a class="button" id="export-${format}-${of}" download href="${urlOf(`/api/plans/${plan.id}/export`, { format, of })}">${escapeHtml(t(key))}</a>`).join('');
    return `<h2 id="plan-title"></h2><p id="plan-validation"></p>
      <div class="row tools" role="group" aria-label="${escapeHtml(t('planner.tools'))}">
        <button type="button" data-tool="select">${escapeHtml(t('planner.tool.select'))}</button>
        <button type="button" data-tool="lasso">${escapeHtml(t('planner.tool.lasso'))}</button>
        <button type="button" data-tool="split">${escapeHtml(t('planner.tool.split'))}</button>
        <button type="button" data-tool="lock">${escapeHtml(t('planner.tool.lock'))}</button></div>
      <p class="note" id="tool-hint"></p>
      <div class="row" id="split-actions" hidden><button type="button" id="split-finish">${escapeHtml(t('planner.tool.finishLine'))}</button>
        <button type="button" id="split-cancel">${escapeHtml(t('planner.tool.cancelLine'))}</button></div>
      <div class="row"><span id="selection-info"></span><button type="button" id="clear-selection">${escapeHtml(t('planner.clear'))}</button></div>
      <div class="row"><label>${escapeHtml(t('planner.moveTo'))} <select id="move-target"></select></label>
        <button type="button" id="move-button">${escapeHtml(t('planner.move'))}</button></div>
      <div class="row"><button type="button" id="merge-button">${escapeHtml(t('planner.merge'))}</button></div>
      <div class="row"><input id="new-grid-name" placeholder="${escapeHtml(t('planner.newGridName'))}" maxlength="100">
        <button type="button" id="new-grid-button">${escapeHtml(t('planner.newGrid'))}</button></div>
      <div class="row"><button type="button" id="undo-button" title="${escapeHtml(t('planner.undoTitle'))}">↶ ${escapeHtml(t('planner.undo'))}</button>
        <button type="button" id="redo-button" title="${escapeHtml(t('planner.redoTitle'))}">↷ ${escapeHtml(t('planner.redo'))}</button></div>
      <p id="op-result" role="status" hidden></p>
      <div class="row"><button type="button" id="publish-button" class="primary">${escapeHtml(t('planner.publish'))}</button></div>
      <div class="row exports"><span>${escapeHtml(t('planner.export'))}:</span>${exports}</div>
      <dialog id="publish-dialog"><p id="publish-question"></p><div class="row">
        <button type="button" id="publish-confirm" class="primary">${escapeHtml(t('planner.publishYes'))}</button>
        <button type="button" id="publish-cancel">${escapeHtml(t('planner.cancel'))}</button></div></dialog>
      <dialog id="stale-dialog"><h2>${escapeHtml(t('planner.stale'))}</h2><p id="stale-detail"></p><p id="stale-changes"></p>
        <div class="row"><button type="button" id="stale-reload" class="primary">${escapeHtml(t('planner.reload'))}</button>
        <button type="button" id="stale-close">${escapeHtml(t('planner.cancel'))}</button></div></dialog>`;
  }

  wire() {
    const on = (id, fn) => {
      const element = this.container.querySelector(`#${id}`);
      if (element) element.addEventListener('click', fn);
    };
    const view = this.view;
    on('plan-start', () => view.start());
    this.container.querySelectorAll('[data-tool]').forEach(b => b.addEventListener('click', () => view.useTool(b.dataset.tool)));
    on('split-finish', () => view.tools.split.finish());
    on('split-cancel', () => view.tools.split.cancel());
    on('clear-selection', () => view.store.dispatch({ type: 'clearSelection' }));
    on('move-button', () => view.move(Number(this.container.querySelector('#move-target').value)));
    on('merge-button', () => view.merge());
    on('new-grid-button', () => view.newGrid(this.container.querySelector('#new-grid-name').value.trim()));
    on('undo-button', () => view.undo());
    on('redo-button', () => view.redo());
    on('publish-button', () => this.confirmPublish());
    on('publish-confirm', () => {
      this.container.querySelector('#publish-dialog').close();
      view.publish();
    });
    on('publish-cancel', () => this.container.querySelector('#publish-dialog').close());
    on('stale-close', () => this.container.querySelector('#stale-dialog').close());
  }

  showMessage(message) {
    const result = this.container.querySelector('#op-result');
    if (!result) return;
    result.hidden = !message;
    if (!message) return;
    result.className = message.kind === 'ok' ? 'ok' : 'error';
    result.textContent = message.text;
  }

  confirmPublish() {
    const { diff } = this.view.store.getState();
    const changed = diff ? diff.grids.filter(changeTest(diff)).length : 0;
    this.container.querySelector('#publish-question').textContent = t('planner.publishConfirm',
      { grids: changed, households: diff ? diff.householdsChangingGrid : 0, rentals: diff ? diff.rentalsChangingGrid : 0 });
    this.container.querySelector('#publish-dialog').showModal();
  }

  /** A 409: shows what changed on the server since this page's version and offers to reload. */
  async showStale(mine, error) {
    this.view.store.dispatch({ type: 'message', kind: 'error', text: describeError(error) });
    const dialog = this.container.querySelector('#stale-dialog');
    let current;
    try {
      current = await this.view.session.fetch(mine.id);
    } catch (ignored) {
      current = null;
    }
    this.container.querySelector('#stale-detail').textContent = current && current.version !== mine.version
      ? t('planner.staleDetail', { version: current.version, mine: mine.version }) : describeError(error);
    let changes = '';
    if (current) {
      const before = new Map(mine.grids.map(g => [g.id, g]));
      const after = new Map(current.grids.map(g => [g.id, g]));
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(id => {
        const a = before.get(id);
        const b = after.get(id);
        return !a || !b || a.blocks !== b.blocks;
      }).map(id => {
        const a = before.get(id);
        const b = after.get(id);
        return `${(a || b).code} (${a ? a.blocks : 0} → ${b ? b.blocks : 0})`;
      });
      changes = changed.length ? t('planner.staleChanged', { grids: changed.join(', ') }) : t('planner.staleNoGrids');
    }
    this.container.querySelector('#stale-changes').textContent = changes;
    const reload = this.container.querySelector('#stale-reload');
    reload.hidden = !current || current.status !== 'draft';
    reload.onclick = async () => {
      dialog.close();
      await this.view.load(current);
      this.view.store.dispatch({ type: 'message', kind: 'ok', text: t('planner.planTitle', { id: current.id, version: current.version }) });
    };
    dialog.showModal();
  }
}
