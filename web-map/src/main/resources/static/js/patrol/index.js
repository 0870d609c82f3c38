import { getJson, sendJson } from '../api.js';
import { escapeHtml, localName, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { showStatus, clearStatus } from '../status.js';
import { markTiming } from '../timings.js';
import { PlaceTool } from '../place-tool.js';
import { RouteLayer } from './route-layer.js';
import { renderStops } from './stop-list.js';
import { CheckpointTool } from './checkpoint-tool.js';
import { ServiceAreaLayer } from './service-area-layer.js';
import { waitForRoutingGraph } from './graph-status.js';
import { SchedulePanel } from './schedule-panel.js';
import { CoverageReport } from './coverage-report.js';

const KINDS = ['rental_due', 'key_place', 'elderly_alone'];

// The patrol leader view: a team (base, mode, shift, number of teams), checkpoints chosen by grid
// and kind or clicked on the map, then the loop (or the street coverage of the grid) drawn with
// numbered stops and listed with arrival times, instructions and what was dropped; the N-minute
// service circles; GPX and print. Works on a phone: the panel becomes a sheet under the map.
export class PatrolView {
  constructor({ map, me }) {
    this.map = map;
    this.me = me;
    this.base = null;
    this.routes = new RouteLayer(map);
    this.areas = new ServiceAreaLayer(map);
    this.basePicker = new PlaceTool(position => this.setBase(position));
    this.points = new CheckpointTool(points => this.renderPoints(points));
    this.baseMarker = null;
    this.schedule = new SchedulePanel(this);
    window.addEventListener('beforeprint', () => this.map.invalidateSize()); // the print layout resizes the map
    window.addEventListener('afterprint', () => this.map.invalidateSize());
  }

  async enable(map, panel) {
    this.panel = panel;
    const option = (value, key) => `<option value="${value}">${escapeHtml(t(key))}</option>`;
    panel.innerHTML = `<section id="patrol-team"><h2>${escapeHtml(t('patrol.teamTitle'))}</h2>
        <div class="row"><button type="button" id="patrol-base">${escapeHtml(t('patrol.setBase'))}</button><span id="patrol-base-info" class="note"></span></div>
        <div class="row"><label>${escapeHtml(t('patrol.mode'))} <select id="patrol-mode">${option('foot', 'patrol.mode.foot')}${option('bike', 'patrol.mode.bike')}${option('car', 'patrol.mode.car')}</select></label>
          <label>${escapeHtml(t('patrol.shift'))} <input type="number" id="patrol-shift" min="10" max="1440" step="10" value="120"></label></div>
        <div class="row"><label>${escapeHtml(t('patrol.teams'))} <input type="number" id="patrol-teams" min="1" max="8" value="1"></label>
          <label>${escapeHtml(t('patrol.start'))} <input type="time" id="patrol-start" value="08:00"></label></div></section>
      <section id="patrol-checkpoints"><h2>${escapeHtml(t('patrol.checkpoints'))}</h2>
        <label class="field"><span>${escapeHtml(t('worker.grid'))}</span><select id="patrol-grid"></select></label>
        <div class="row">${KINDS.map(k => `<label><input type="checkbox" name="kind" value="${k}" ${k === 'rental_due' ? 'checked' : ''}> ${escapeHtml(t(`patrol.kind.${k}`))}</label>`).join('')}</div>
        <div class="row"><label>${escapeHtml(t('patrol.dueWithin'))} <input type="number" id="patrol-due" min="0" max="366" value="30"></label>
          <label>${escapeHtml(t('patrol.priority'))} <input type="number" id="patrol-priority" min="1" max="10" value="5"></label></div>
        <div class="row"><button type="button" id="patrol-add-point" aria-pressed="false">${escapeHtml(t('patrol.addPoints'))}</button>
          <label><input type="checkbox" id="patrol-mix"> ${escapeHtml(t('patrol.mix'))}</label></div>
        <ul id="free-points" class="free-points"></ul>
        <p class="note">${escapeHtml(t('patrol.freeNote'))}</p></section>
      <section class="row" id="patrol-actions">
        <button type="button" id="patrol-plan" class="primary big">${escapeHtml(t('patrol.plan'))}</button>
        <button type="button" id="patrol-coverage" class="big">${escapeHtml(t('patrol.coverage'))}</button></section>
      <section class="row"><label>${escapeHtml(t('patrol.circleMinutes'))} <input type="number" id="patrol-minutes" min="1" max="120" value="15"></label>
        <button type="button" id="patrol-circles">${escapeHtml(t('patrol.circles'))}</button></section>
      <p id="patrol-result" role="status" hidden></p>
      <p id="circles-summary" class="note" hidden></p>
      <section id="patrol-stops"></section>
      <section id="patrol-schedule"></section>`;
    const on = (id, fn) => panel.querySelector(`#${id}`).addEventListener('click', fn);
    on('patrol-base', () => {
      this.stopAddingPoints();
      this.message('ok', t('patrol.clickBase'));
      this.basePicker.enable(this.map);
    });
    on('patrol-add-point', () => this.toggleAddingPoints());
    on('patrol-plan', () => this.planLoop());
    on('patrol-coverage', () => this.planCoverage());
    on('patrol-circles', () => this.serviceCircles());
    new CoverageReport().mount(panel);
    this.routes.enable();
    this.points.showOn(map);
    if (this.baseMarker) this.baseMarker.addTo(map);
    this.renderBase();
    this.renderPoints(this.points.points);
    this.schedule.render(panel.querySelector('#patrol-schedule'));
    if (this.answer) renderStops(panel.querySelector('#patrol-stops'), this.answer);
    waitForRoutingGraph();
    const grids = await getJson('/api/grids', { jurisdiction: this.me.jurisdictionId || 1 });
    panel.querySelector('#patrol-grid').innerHTML = grids.features.map(f => f.properties)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(g => `<option value="${g.id}">${escapeHtml(g.code)} ${escapeHtml(localName(g))}</option>`).join('');
  }

  disable(map) {
    this.basePicker.disable(map);
    this.stopAddingPoints();
    this.routes.disable();
    this.areas.disable();
    this.points.group.remove();
    if (this.baseMarker) this.baseMarker.remove();
  }

  setBase(position) {
    this.base = position;
    if (this.baseMarker) this.baseMarker.remove();
    this.baseMarker = L.marker([position[1], position[0]], {
      pane: 'routes', icon: L.divIcon({ className: 'base-marker', html: '<span>⌂</span>', iconSize: [24, 24] }),
    }).addTo(this.map);
    this.renderBase();
    this.message('ok', t('patrol.baseSet'));
  }

  renderBase() {
    this.panel.querySelector('#patrol-base-info').textContent = this.base
      ? `${this.base[1].toFixed(5)}, ${this.base[0].toFixed(5)}` : t('patrol.noBase');
    document.body.dataset.patrolBase = this.base ? 'set' : '';
  }

  toggleAddingPoints() {
    if (this.addingPoints) {
      this.stopAddingPoints();
      return;
    }
    this.basePicker.disable(this.map);
    this.addingPoints = true;
    this.points.enable(this.map);
    this.panel.querySelector('#patrol-add-point').setAttribute('aria-pressed', 'true');
    this.message('ok', t('patrol.clickPoints'));
  }

  stopAddingPoints() {
    if (!this.addingPoints) return;
    this.addingPoints = false;
    this.points.disable(this.map);
    if (this.panel) this.panel.querySelector('#patrol-add-point').setAttribute('aria-pressed', 'false');
  }

  renderPoints(points) {
    if (!this.panel) return;
    const list = this.panel.querySelector('#free-points');
    list.innerHTML = points.map(p => `<li data-id="${p.id}">${escapeHtml(t('patrol.freePoint', { id: p.id }))}
      <label>${escapeHtml(t('patrol.priority'))} <input type="number" min="1" max="10" value="${p.priority}"></label>
      <input class="window" placeholder="${escapeHtml(t('patrol.pointWindow'))}" value="${escapeHtml(p.window || '')}">
      <button type="button" class="remove">${escapeHtml(t('patrol.remove'))}</button></li>`).join('');
    list.querySelectorAll('li').forEach(li => {
      li.querySelector('input').addEventListener('change', e => this.points.setPriority(li.dataset.id, Number(e.target.value)));
      li.querySelector('.window').addEventListener('change', e => this.points.setWindow(li.dataset.id, e.target.value));
      li.querySelector('.remove').addEventListener('click', () => this.points.remove(li.dataset.id));
    });
    document.body.dataset.freePoints = String(points.length);
  }

  /** The shift start today at the chosen local time, with its offset. */
  startTime() {
    const [h, m] = (this.panel.querySelector('#patrol-start').value || '08:00').split(':').map(Number);
    const d = new Date();
    d.setHours(h, m, 0, 0);
    const offset = -d.getTimezoneOffset();
    const pad = n => String(Math.abs(n)).padStart(2, '0');
    const local = new Date(d.getTime() + offset * 60000).toISOString().slice(0, 19);
    return `${local}${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  }

  request() {
    const value = id => this.panel.querySelector(`#${id}`).value;
    const kinds = [...this.panel.querySelectorAll('input[name="kind"]:checked')].map(c => c.value);
    const body = {
      base: this.base, mode: value('patrol-mode'), shiftMinutes: Number(value('patrol-shift')), teams: Number(value('patrol-teams')),
      start: this.startTime(),
    };
    if (this.points.points.length) body.checkpoints = this.points.checkpoints();
    if (!this.points.points.length || this.panel.querySelector('#patrol-mix').checked) body.checkpointQuery = { gridId: Number(value('patrol-grid')), kinds, dueWithinDays: Number(value('patrol-due')), priority: Number(value('patrol-priority')) };
    return body;
  }

  async planLoop() {
    if (!this.base) return this.message('error', t('patrol.needBase'));
    return this.run(t('patrol.planning'), () => sendJson('POST', '/api/patrol/routes', this.request()));
  }

  async planCoverage() {
    if (!this.base) return this.message('error', t('patrol.needBase'));
    const body = { gridId: Number(this.panel.querySelector('#patrol-grid').value), base: this.base,
      mode: this.panel.querySelector('#patrol-mode').value, start: this.startTime() };
    return this.run(t('patrol.covering'), () => sendJson('POST', '/api/patrol/coverage', body));
  }

  /** Runs a route request with progress shown; draws and lists the answer. */
  async run(progress, call) {
    this.stopAddingPoints();
    const buttons = this.panel.querySelectorAll('#patrol-actions button');
    buttons.forEach(b => { b.disabled = true; });
    showStatus(escapeHtml(progress));
    document.body.dataset.routeState = 'pending';
    const started = performance.now();
    try {
      const answer = await call();
      this.answer = answer;
      this.routes.show(answer);
      renderStops(this.panel.querySelector('#patrol-stops'), answer);
      markTiming('route-drawn');
      window.gridpatrolTimings.lastRouteMs = Math.round(performance.now() - started);
      this.message('ok', t('patrol.done', { id: answer.id }));
      document.body.dataset.routeId = String(answer.id);
      document.body.dataset.routeState = 'drawn';
    } catch (error) {
      document.body.dataset.routeState = 'failed';
      this.message('error', describeError(error));
    } finally {
      clearStatus();
      buttons.forEach(b => { b.disabled = false; });
    }
    return undefined;
  }

  async serviceCircles() {
    const stations = [this.base, ...this.points.points.map(p => [p.lon, p.lat])].filter(Boolean);
    if (!stations.length) return this.message('error', t('patrol.needBase'));
    showStatus(escapeHtml(t('patrol.circling')));
    try {
      const minutes = Number(this.panel.querySelector('#patrol-minutes').value);
      const answer = await sendJson('POST', '/api/isochrones', { points: stations, mode: this.panel.querySelector('#patrol-mode').value, minutes });
      this.areas.show(answer);
      const summary = this.panel.querySelector('#circles-summary');
      summary.hidden = false;
      const worst = [...answer.grids].sort((a, b) => b.outside - a.outside).slice(0, 5)
        .map(g => `${g.code} ${g.outside}/${g.households}`).join(', ');
      summary.textContent = t('patrol.circlesSummary', { minutes, outside: answer.householdsOutside, grids: worst });
      document.body.dataset.serviceAreas = String(answer.features.length);
    } catch (error) {
      this.message('error', describeError(error));
    } finally {
      clearStatus();
    }
    return undefined;
  }

  message(kind, text) {
    const element = this.panel.querySelector('#patrol-result');
    element.hidden = false;
    element.className = kind;
    element.textContent = text;
  }
}
