import { api } from '../api.js';
import { h, replace, table, text, time } from '../dom.js';
import { statusBadge } from '../status.js';

function percent(value) {
  return typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : '—';
}

/** Each partner's last files, overdue acknowledgements and failures of the last 24 hours. */
export async function partnersPage(ctx) {
  replace(ctx.main, h('h1', { text: 'Partner health' }));
  ctx.announce('Loading partner health…');
  const { partners = [] } = await api('GET', '/api/partners/health');
  if (!ctx.isCurrent()) return;
  ctx.main.append(
    partners.length === 0
      ? h('p', { class: 'empty', text: 'No partner is configured.' })
      : table(
          `${partners.length} partner${partners.length === 1 ? '' : 's'}`,
          [
            'Partner',
            'Enabled',
            'Last inbound',
            'Last outbound',
            'Overdue acks',
            'Failed (24 h)',
            'Files (24 h)',
            'Error rate (24 h)',
          ],
          partners.map((p) => [
            h(
              'a',
              { href: `#/transmissions?partner=${encodeURIComponent(p.partnerId)}` },
              `${p.name ?? p.partnerId} (${p.partnerId})`,
            ),
            statusBadge(p.enabled === false ? 'disabled' : 'enabled'),
            time(p.lastInboundAt),
            time(p.lastOutboundAt),
            overdue(p.overdueAcknowledgements),
            text(p.failed24h),
            text(p.total24h),
            percent(p.errorRate24h),
          ]),
          { class: 'list', id: 'partner-table' },
        ),
  );
  ctx.announce(`${partners.length} partner${partners.length === 1 ? '' : 's'} shown.`);
}

function overdue(count) {
  if (typeof count !== 'number' || count === 0) return text(count);
  return h('span', { class: 'warn-text' }, h('span', { 'aria-hidden': 'true', text: '⚠ ' }), String(count));
}
