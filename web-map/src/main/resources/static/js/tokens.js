// API tokens (ADR 0034): the user creates, sees once, lists and revokes personal tokens for scripts,
// QGIS and OGC API clients. A small dialog; the token is shown once and never stored by the page.
import { getJson, sendJson } from './api.js';
import { addMessages, escapeHtml, t } from './i18n.js';
import { describeError } from './errors.js';

addMessages({
  'zh-CN': {
    'tokens.title': 'API 令牌', 'tokens.name': '名称', 'tokens.read': '只读', 'tokens.write': '读写',
    'tokens.expires': '到期（可空）', 'tokens.create': '创建', 'tokens.close': '关闭', 'tokens.revoke': '撤销',
    'tokens.once': '请立即复制，此令牌只显示这一次：', 'tokens.none': '尚无令牌', 'tokens.never': '不过期',
    'tokens.used': '最近使用',
  },
  en: {
    'tokens.title': 'API tokens', 'tokens.name': 'Name', 'tokens.read': 'read only', 'tokens.write': 'read and write',
    'tokens.expires': 'Expires (optional)', 'tokens.create': 'Create', 'tokens.close': 'Close', 'tokens.revoke': 'Revoke',
    'tokens.once': 'Copy it now, this token is shown only once:', 'tokens.none': 'No tokens yet', 'tokens.never': 'never expires',
    'tokens.used': 'last used',
  },
});

export function openTokens() {
  let dialog = document.getElementById('tokens-dialog');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.id = 'tokens-dialog';
    dialog.innerHTML = `<h2>${escapeHtml(t('tokens.title'))}</h2>
      <form id="token-form"><input name="name" required maxlength="80" placeholder="${escapeHtml(t('tokens.name'))}">
      <select name="scope"><option value="read">${escapeHtml(t('tokens.read'))}</option>
      <option value="write">${escapeHtml(t('tokens.write'))}</option></select>
      <label>${escapeHtml(t('tokens.expires'))} <input name="expires" type="date"></label>
      <button type="submit">${escapeHtml(t('tokens.create'))}</button></form>
      <p id="token-new" hidden></p><ul id="token-list"></ul><p id="token-error" role="alert"></p>
      <button type="button" id="tokens-close">${escapeHtml(t('tokens.close'))}</button>`;
    document.body.append(dialog);
    dialog.querySelector('#tokens-close').addEventListener('click', () => dialog.close());
    dialog.querySelector('#token-form').addEventListener('submit', event => {
      event.preventDefault();
      const form = event.target;
      const expires = form.expires.value ? new Date(`${form.expires.value}T23:59:59`).toISOString() : undefined;
      run(dialog, async () => {
        const created = await sendJson('POST', '/api/tokens', { name: form.name.value, scope: form.scope.value, expiresAt: expires });
        const shown = dialog.querySelector('#token-new');
        shown.innerHTML = `${escapeHtml(t('tokens.once'))} <code>${escapeHtml(created.token)}</code>`;
        shown.hidden = false;
        form.reset();
      });
    });
  }
  dialog.querySelector('#token-new').hidden = true;
  run(dialog, async () => {});
  dialog.showModal();
}

async function run(dialog, work) {
  const error = dialog.querySelector('#token-error');
  error.textContent = '';
  try {
    await work();
    await list(dialog);
  } catch (e) {
    error.textContent = describeError(e);
  }
}

async function list(dialog) {
  const tokens = await getJson('/api/tokens');
  const ul = dialog.querySelector('#token-list');
  ul.innerHTML = tokens.length ? '' : `<li>${escapeHtml(t('tokens.none'))}</li>`;
  for (const token of tokens) {
    const li = document.createElement('li');
    li.innerHTML = `<b>${escapeHtml(token.name)}</b> ${escapeHtml(t(`tokens.${token.scope}`))},
      ${escapeHtml(token.expiresAt ? token.expiresAt.slice(0, 10) : t('tokens.never'))}
      ${token.lastUsedAt ? `, ${escapeHtml(t('tokens.used'))} ${escapeHtml(token.lastUsedAt.slice(0, 16))}` : ''}
      <button type="button" data-id="${token.id}">${escapeHtml(t('tokens.revoke'))}</button>`;
    li.querySelector('button').addEventListener('click', () =>
      run(dialog, () => sendJson('DELETE', `/api/tokens/${token.id}`)));
    ul.append(li);
  }
}
