import { h, table, text, time } from './dom.js';

/** Roles that may only look. */
const READ_ONLY_ROLES = new Set(['viewer']);

/** Whether the signed-in user's role may change things (resend, reprocess, resolve). */
export function mayAct(session) {
  return !READ_ONLY_ROLES.has(session?.user?.role ?? 'viewer');
}

/** A value of unknown shape as readable text (never as markup). */
export function jsonText(value) {
  if (value === undefined || value === null) return '—';
  if (typeof value !== 'object') return String(value);
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

/** Audit entries: when, who, what. */
export function auditTable(entries) {
  if (entries.length === 0) return h('p', { class: 'empty', text: 'Nothing recorded yet.' });
  return table(
    'Who did what, oldest first',
    ['When', 'Actor', 'Action', 'Details'],
    entries.map((e) => [
      time(e.at),
      h('span', { class: 'actor', text: text(e.actor) }),
      text(e.action),
      jsonText(e.details),
    ]),
    { id: 'audit', class: 'audit' },
  );
}
