import { escapeHtml, t } from '../i18n.js';
import { setTargetBand, targetBand } from '../balance.js';

// "Generate" and "Rebalance" in the planner panel: the household band (the target band of the
// balance colours, so the chart and the map judge the result by the band it was made for), an
// optional number of grids for generate, the locked grids (lock mode: click a grid on the map),
// the progress of a long run with its cancel button, and the problems the answer named (a click
// selects and shows their blocks). The skeleton is drawn once per plan; render(state) updates.
// The view keeps the band inputs in step with the band.
export class GeneratePanel {
  constructor(container, view) {
    this.container = container;
    this.view = view;
    this.shownPlanId = undefined;
  }

  render(state) {
    const plan = state.plan && state.plan.status === 'draft' ? state.plan : null;
    if ((plan && plan.id) !== this.shownPlanId) {
      this.shownPlanId = plan && plan.id;
      this.container.innerHTML = plan ? this.html() : '';
      if (plan) this.wire();
    }
    if (!plan) return;
    const $ = id => this.container.querySelector(`#${id}`);
    const names = new Map(plan.grids.map(g => [g.id, g.code]));
    $('gen-locked').textContent = state.locked.size
      ? t('planner.gen.locked', { grids: [...state.locked].map(id => names.get(id)).join(', ') }) : t('planner.gen.noLocks');
    $('gen-unlock').hidden = !state.locked.size;
    document.body.dataset.lockedGrids = String(state.locked.size);
    $('generate-button').disabled = $('rebalance-button').disabled = state.busy;
    const job = state.job;
    $('gen-job').hidden = !job;
    if (job) {
      const progress = $('gen-progress');
      if (typeof job.progress === 'number') progress.value = job.progress;
      else progress.removeAttribute('value'); // a short run answered at once: no figures to show
      $('gen-stage').textContent = typeof job.progress === 'number' ? `${Math.round(job.progress * 100)} % ${job.stage || ''}` : job.stage || '';
      $('gen-cancel').hidden = !job.id;
    }
    const problems = state.problems;
    $('gen-problems').innerHTML = problems.length ? `<h3>${escapeHtml(t('planner.gen.problems', { count: problems.length }))}</h3>`
      + `<ul class="problems">${problems.map((p, i) => `<li><button type="button" data-problem="${i}" title="${escapeHtml(p.kind)}"><strong>${escapeHtml(t('planner.gen.kind.' + p.kind))}</strong> ${escapeHtml(p.message)}</button></li>`).join('')}</ul>` : '';
    document.body.dataset.problems = String(problems.length);
  }

  html() {
    const band = targetBand();
    return `<h2>${escapeHtml(t('planner.gen.title'))}</h2>
      <div class="row"><label>${escapeHtml(t('planner.target'))} <input type="number" id="gen-min" min="0" step="10" value="${band.min}"></label>
        <label>${escapeHtml(t('planner.targetTo'))} <input type="number" id="gen-max" min="1" step="10" value="${band.max}"></label>
        <label>${escapeHtml(t('planner.gen.grids'))} <input type="number" id="gen-grids" min="1" step="1"></label></div>
      <div class="row"><span id="gen-locked" class="note"></span><button type="button" id="gen-unlock">${escapeHtml(t('planner.gen.unlock'))}</button></div>
      <div class="row"><button type="button" id="generate-button" class="primary">${escapeHtml(t('planner.gen.generate'))}</button>
        <button type="button" id="rebalance-button">${escapeHtml(t('planner.gen.rebalance'))}</button></div>
      <p class="note">${escapeHtml(t('planner.gen.hint'))}</p>
      <div class="row" id="gen-job" hidden><progress id="gen-progress" max="1"></progress><span id="gen-stage"></span>
        <button type="button" id="gen-cancel">${escapeHtml(t('planner.cancel'))}</button></div>
      <div id="gen-problems"></div>`;
  }

  wire() {
    const $ = id => this.container.querySelector(`#${id}`);
    const view = this.view;
    const band = () => setTargetBand(Number($('gen-min').value), Number($('gen-max').value));
    $('gen-min').addEventListener('change', band);
    $('gen-max').addEventListener('change', band);
    const target = grids => (grids ? { grids } : { minHouseholds: Number($('gen-min').value), maxHouseholds: Number($('gen-max').value) });
    $('generate-button').addEventListener('click', () => view.regrid('generate', target(Number($('gen-grids').value))));
    $('rebalance-button').addEventListener('click', () => view.regrid('rebalance', target()));
    $('gen-unlock').addEventListener('click', () => view.store.dispatch({ type: 'unlockAll' }));
    $('gen-cancel').addEventListener('click', () => view.cancelJob());
    $('gen-problems').addEventListener('click', e => {
      const button = e.target.closest('[data-problem]');
      if (button) view.showProblem(view.store.getState().problems[Number(button.dataset.problem)]);
    });
  }

}
