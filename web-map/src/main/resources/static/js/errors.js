import { t } from './i18n.js';

/**
 * A server or network failure in words a user understands: the server's problem detail (which
 * names the field and the reason), never a stack trace; 5xx answers get a generic sentence.
 */
export function describeError(error) {
  const status = error && error.status;
  const detail = (error && error.problem && error.problem.detail) || (error && error.message) || '';
  if (status === 0) return t('error.network');
  if (status === 503) return t('error.unavailable', { message: firstLine(detail) });
  if (status >= 500 || !status) return status ? t('error.server') : t('error.generic', { message: firstLine(detail) });
  if (status === 403) return t('error.forbidden', { message: firstLine(detail) });
  if (status === 404) return t('error.notFound', { message: firstLine(detail) });
  if (status === 409) return t('error.conflict', { message: firstLine(detail) });
  return t('error.invalid', { message: firstLine(detail) });
}

function firstLine(text) {
  const line = String(text).split('\n')[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
