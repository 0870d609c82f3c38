import { ApiError, csrfToken, getJson } from '../api.js';
import { addMessages, escapeHtml, t } from '../i18n.js';
import { describeError } from '../errors.js';
import { TILES_CHANGED } from '../tile-layers.js';

addMessages({
  'zh-CN': {
    'cov.title': '巡查轨迹与覆盖率', 'cov.file': 'GPS 轨迹（GPX）', 'cov.upload': '上传轨迹',
    'cov.stored': '已保存轨迹 {id}：{points} 个点，匹配 {km} 公里', 'cov.grid': '网格', 'cov.streets': '街道覆盖',
    'cov.households': '住户覆盖率（50 米内）', 'cov.time': '巡查时长 {minutes} 分钟，轨迹 {tracks} 条',
    'cov.none': '所选时段没有轨迹', 'cov.noFile': '请选择 GPX 文件',
  },
  en: {
    'cov.title': 'Patrol tracks and coverage', 'cov.file': 'GPS track (GPX)', 'cov.upload': 'Upload track',
    'cov.stored': 'Track {id} stored: {points} points, {km} km matched', 'cov.grid': 'Grid', 'cov.streets': 'Streets covered',
    'cov.households': 'Households within 50 m', 'cov.time': '{minutes} min on patrol, {tracks} tracks',
    'cov.none': 'No track in this period', 'cov.noFile': 'Choose a GPX file',
  },
});

const pct = share => `${Math.round(share * 100)} %`;
const bar = share => `<progress max="1" value="${share}">${pct(share)}</progress> ${pct(share)}`;

// The patrol view's coverage part (issue 18, ADR 0041): a phone's GPX uploaded as the caller's own
// track, then the coverage report of that worker for the track's days as a table with bars.
export class CoverageReport {
  mount(panel) {
    const section = document.createElement('section');
    section.id = 'patrol-tracks';
    section.innerHTML = `<h2>${escapeHtml(t('cov.title'))}</h2>
      <label class="field"><span>${escapeHtml(t('cov.file'))}</span><input type="file" id="track-file" accept=".gpx,application/gpx+xml"></label>
      <div class="row"><button type="button" id="track-upload">${escapeHtml(t('cov.upload'))}</button></div>
      <p id="track-result" role="status" hidden></p><div id="coverage-table"></div>`;
    panel.appendChild(section);
    section.querySelector('#track-upload').addEventListener('click', () => this.upload(section));
  }

  async upload(section) {
    const result = section.querySelector('#track-result');
    const say = (text, error) => { result.hidden = false; result.className = error ? 'error' : 'ok'; result.textContent = text; };
    const file = section.querySelector('#track-file').files[0];
    if (!file) { say(t('cov.noFile'), true); return; }
    try {
      const response = await fetch('/api/patrol/tracks', {
        method: 'POST', credentials: 'same-origin', body: await file.text(),
        headers: { 'Content-Type': 'application/gpx+xml', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      });
      const body = await response.json();
      if (!response.ok) throw new ApiError(response.status, body);
      say(t('cov.stored', { id: body.id, points: body.points, km: (body.matchedLengthMeters / 1000).toFixed(2) }));
      document.dispatchEvent(new CustomEvent(TILES_CHANGED, { detail: 'tracks' }));
      const report = await getJson('/api/patrol/coverage-report', {
        worker: body.workerId, from: body.startedAt.slice(0, 10), to: body.endedAt.slice(0, 10) });
      this.render(section.querySelector('#coverage-table'), report);
      document.body.dataset.coverageShown = String(report.grids.length);
    } catch (error) {
      say(describeError(error), true);
    }
  }

  render(container, report) {
    if (report.tracks === 0) { container.textContent = t('cov.none'); return; }
    const rows = report.grids.map(g => `<tr data-grid="${g.gridId}"><td>${g.gridId}</td>
      <td>${bar(g.streetShare)} <small>${g.coveredStreets}/${g.streets}</small></td>
      <td>${bar(g.householdShare)} <small>${g.householdsPassed}/${g.households}</small></td></tr>`).join('');
    container.innerHTML = `<p>${escapeHtml(t('cov.time', { minutes: Math.round(report.timeOnPatrolSeconds / 60), tracks: report.tracks }))}</p>
      <table class="coverage"><thead><tr><th>${escapeHtml(t('cov.grid'))}</th><th>${escapeHtml(t('cov.streets'))}</th>
      <th>${escapeHtml(t('cov.households'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
}
