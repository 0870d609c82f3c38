import './import-messages.js';
import { ApiError, csrfToken, getJson, sendJson } from '../api.js';
import { escapeHtml, localName, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { JobCancelled, JobPoller } from '../planner/job-poller.js';

const KINDS = ['households', 'rentals', 'keyplaces', 'addresses', 'jurisdictions', 'grids'];
const SYSTEMS = [['', 'file'], ['WGS84', 'wgs84'], ['EPSG:4490', 'cgcs2000'], ['GCJ-02', 'gcj02'], ['BD-09', 'bd09'], ['epsg', 'epsg']];
const PROBLEMS_SHOWN = 200;

/** A multipart POST (the file and its form fields); problem+json answers become ApiError. */
async function postForm(path, form) {
  const response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() } });
  const body = await response.json().catch(() => ({ title: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

// The import view (admins and planners): pick a file and its kind, preview its first rows with the
// detected columns, map columns and choose the coordinate system, dry-run (the first step, and what
// the first button does), read the per-row report, then import with a progress bar. The file is sent
// again for each step: the server keeps uploads only while it reads them.
export class ImportView {
  constructor({ me, grids }) {
    this.me = me;
    this.grids = grids;
  }

  async enable(map, panel) {
    this.panel = panel;
    const option = (value, key) => `<option value="${value}">${escapeHtml(t(key))}</option>`;
    panel.innerHTML = `<section id="import-wizard"><h2>${escapeHtml(t('import.title'))}</h2>
      <p class="note">${escapeHtml(t('import.note'))}</p>
      <label class="field"><span>${escapeHtml(t('import.file'))}</span><input type="file" id="import-file"
        accept=".csv,.txt,.xlsx,.geojson,.json,.gpkg,.zip,.kml"></label>
      <label class="field"><span>${escapeHtml(t('import.kind'))}</span><select id="import-kind">
        ${KINDS.map(k => option(k, `import.kind.${k}`)).join('')}</select></label>
      <label class="field"><span>${escapeHtml(t('import.encoding'))}</span><select id="import-encoding">
        ${option('', 'import.auto')}<option>UTF-8</option><option>GBK</option><option>GB18030</option></select></label>
      <label class="field"><span>${escapeHtml(t('import.jurisdiction'))}</span><select id="import-jurisdiction"></select></label>
      <div class="row"><button type="button" id="import-preview">${escapeHtml(t('import.preview'))}</button></div>
      <div id="import-mapping"></div>
      <p id="import-result" role="status" hidden></p>
      <div id="import-job" class="row" hidden><progress id="import-progress"></progress><span id="import-stage"></span>
        <button type="button" id="import-cancel">${escapeHtml(t('import.cancel'))}</button></div>
      <div id="import-report"></div></section>`;
    panel.querySelector('#import-preview').addEventListener('click', () => this.preview());
    panel.querySelector('#import-cancel').addEventListener('click', () => this.poller && this.poller.cancel());
    ['#import-file', '#import-kind', '#import-encoding'].forEach(id =>
      panel.querySelector(id).addEventListener('change', () => this.reset()));
    await this.fillJurisdictions(panel.querySelector('#import-jurisdiction'));
  }

  disable() {
    // nothing on the map; a running job goes on, and its report is fetched by whoever comes back
  }

  async fillJurisdictions(select) {
    const all = (await getJson('/api/jurisdictions')).features.map(f => f.properties);
    const own = this.me.jurisdictionId;
    const mine = own ? all.filter(j => j.id === own || j.parentId === own) : all;
    select.innerHTML = (own ? '' : `<option value="">${escapeHtml(t('import.everywhere'))}</option>`)
      + mine.map(j => `<option value="${j.id}">${escapeHtml(j.code)} ${escapeHtml(localName(j))}</option>`).join('');
  }

  reset() {
    this.panel.querySelector('#import-mapping').innerHTML = '';
    this.panel.querySelector('#import-report').innerHTML = '';
    this.result(null);
  }

  form(extra = {}) {
    const file = this.panel.querySelector('#import-file').files[0];
    const form = new FormData();
    if (file) form.append('file', file);
    form.append('kind', this.panel.querySelector('#import-kind').value);
    form.append('encoding', this.panel.querySelector('#import-encoding').value);
    Object.entries(extra).forEach(([k, v]) => form.append(k, v));
    return form;
  }

  async preview() {
    this.reset();
    this.result('', t('import.previewing'));
    try {
      this.shown = await postForm('/api/imports/preview', this.form());
      this.result(null);
      this.renderMapping(this.shown);
    } catch (error) {
      this.result('error', describeError(error));
    }
  }

  renderMapping(p) {
    const columns = p.columns.map(c => `<option>${escapeHtml(c)}</option>`).join('');
    const head = p.columns.map(c => `<th>${escapeHtml(c)}</th>`).join('');
    const rows = p.firstRows.slice(0, 10).map(r => `<tr>${r.map(v => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('');
    const fields = p.fields.map(f => `<label><span title="${escapeHtml(f)}">${escapeHtml(t(`import.field.${f}`))}${p.required.includes(f)
      ? ` <small class="muted">${escapeHtml(t('import.required'))}</small>` : ''}</span>
      <select data-field="${escapeHtml(f)}"><option value="">${escapeHtml(t('import.unmapped'))}</option>${columns}</select></label>`).join('');
    const crsLabel = t('import.crs.file', { crs: p.coordinateSystem || t('import.crs.none') });
    const systems = SYSTEMS.map(([value, key]) =>
      `<option value="${value}">${escapeHtml(key === 'file' ? crsLabel : t(`import.crs.${key}`))}</option>`).join('');
    const box = this.panel.querySelector('#import-mapping');
    box.innerHTML = `<h3>${escapeHtml(t('import.columns', { format: [p.format, p.encoding].filter(Boolean).join(' '), count: p.columns.length }))}</h3>
      <div class="import-rows"><table class="diff-table" id="import-rows"><tr>${head}</tr>${rows}</table></div>
      <h3>${escapeHtml(t('import.mapping'))}</h3><div class="import-map">${fields}</div>
      <label class="field"><span>${escapeHtml(t('import.crs'))}</span><select id="import-crs">${systems}</select></label>
      <input id="import-epsg" hidden placeholder="${escapeHtml(t('import.epsg'))}">
      <div class="row"><button type="button" id="import-dry-run" class="primary">${escapeHtml(t('import.dryRun'))}</button>
        <button type="button" id="import-run" disabled>${escapeHtml(t('import.run'))}</button></div>`;
    box.querySelectorAll('select[data-field]').forEach(s => { s.value = p.mapping[s.dataset.field] || ''; });
    box.querySelector('#import-crs').addEventListener('change', e => { box.querySelector('#import-epsg').hidden = e.target.value !== 'epsg'; });
    box.querySelectorAll('select, input').forEach(e => e.addEventListener('change', () => { box.querySelector('#import-run').disabled = true; }));
    box.querySelector('#import-dry-run').addEventListener('click', () => this.start(true));
    box.querySelector('#import-run').addEventListener('click', () => this.start(false));
  }

  choices() {
    const box = this.panel.querySelector('#import-mapping');
    const mapping = {};
    box.querySelectorAll('select[data-field]').forEach(s => { if (s.value) mapping[s.dataset.field] = s.value; });
    let crs = box.querySelector('#import-crs').value;
    if (crs === 'epsg') crs = `EPSG:${box.querySelector('#import-epsg').value.replace(/^\s*EPSG:/i, '').trim()}`;
    return { mapping: JSON.stringify(mapping), crs, jurisdictionId: this.panel.querySelector('#import-jurisdiction').value };
  }

  async start(dryRun) {
    const buttons = this.panel.querySelectorAll('#import-dry-run, #import-run, #import-preview');
    buttons.forEach(b => { b.disabled = true; });
    this.panel.querySelector('#import-report').innerHTML = '';
    this.panel.querySelector('#import-wizard').dataset.stages = '';
    this.result(null);
    let job;
    let last = null;
    try {
      job = await postForm('/api/imports', this.form({ ...this.choices(), dryRun: String(dryRun) }));
      this.poller = new JobPoller({
        get: () => getJson(`/api/imports/${job.id}`),
        remove: () => sendJson('DELETE', `/api/imports/${job.id}`),
        onState: state => { last = state; this.progress(state); this.note(state.stage); },
      });
      await this.poller.run(job);
      this.finished(last.report);
      if (last.report.committed && this.grids) await this.grids.reload(); // new registers change the grids' counts
    } catch (error) {
      this.result('error', error instanceof JobCancelled ? t('import.cancelled') : describeError(error));
    } finally {
      this.panel.querySelector('#import-job').hidden = true;
      this.poller = null;
      buttons.forEach(b => { b.disabled = false; });
      const run = this.panel.querySelector('#import-run');
      if (run) run.disabled = !(dryRun && last && last.state === 'done' && last.report.refused === 0);
    }
  }

  progress(job) {
    const box = this.panel.querySelector('#import-job');
    box.hidden = !['queued', 'running'].includes(job.state);
    const bar = box.querySelector('#import-progress');
    if (job.total > 0) {
      bar.max = job.total;
      bar.value = job.done;
    } else {
      bar.removeAttribute('value');
    }
    box.querySelector('#import-stage').textContent = t('import.progress', {
      stage: t(`import.stage.${job.stage}`), done: job.done, total: job.total > 0 ? job.total : '?' });
  }

  finished(report) {
    this.result('ok', t(report.dryRun ? 'import.dryDone' : report.committed ? 'import.done' : 'import.notCommitted'));
    const problems = report.problems.slice(0, PROBLEMS_SHOWN).map(p => `<tr><td>${p.line}</td>
      <td>${escapeHtml(p.field || t('import.row'))}</td><td>${escapeHtml(p.reason)}</td></tr>`).join('');
    const more = report.problems.length - PROBLEMS_SHOWN;
    this.panel.querySelector('#import-report').innerHTML = `<p id="import-counts">${escapeHtml(t('import.counts', report))}</p>
      ${problems ? `<h3>${escapeHtml(t('import.problems'))}</h3><table class="diff-table import-problems" id="import-problems">${problems}</table>` : ''}
      ${more > 0 ? `<p class="note">${escapeHtml(t('import.moreProblems', { count: more }))}</p>` : ''}
      ${report.findings.length ? `<h3>${escapeHtml(t('import.findings'))}</h3><ul class="problems">${report.findings.map(f =>
        `<li>${escapeHtml(f.message)}</li>`).join('')}</ul>` : ''}
      ${report.unplaced > 0 ? `<p class="note">${escapeHtml(t('import.unplacedHint'))}</p>` : ''}`;
    this.panel.querySelector('#import-wizard').dataset.state = report.dryRun ? 'dry-run-done' : 'imported';
  }

  /** The stages a job went through, on the wizard (the browser test reads them). */
  note(stage) {
    const wizard = this.panel.querySelector('#import-wizard');
    const seen = (wizard.dataset.stages || '').split(' ').filter(Boolean);
    if (seen[seen.length - 1] !== stage) wizard.dataset.stages = [...seen, stage].join(' ');
  }

  result(kind, text) {
    const box = this.panel.querySelector('#import-result');
    box.hidden = kind === null;
    box.className = kind || '';
    box.textContent = text || '';
  }
}
