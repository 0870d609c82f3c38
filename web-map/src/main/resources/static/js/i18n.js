// zh-CN first, English beside it.
export function bilingual(zh, en) {
  return `${zh} <span class="en">${en}</span>`;
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
