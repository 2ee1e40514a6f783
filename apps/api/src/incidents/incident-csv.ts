import type { IncidentSummary } from '@helhet/shared';

const HEADERS = [
  'Saksnummer',
  'Type',
  'Kategori',
  'Underkategori',
  'Enhet',
  'Status',
  'Faktisk alvorlighet',
  'Mulig alvorlighet',
  'Tidspunkt',
  'Meldt',
  'Frist',
  'Forfalt',
  'Behandler',
];

const KIND: Record<IncidentSummary['kind'], string> = {
  adverse_event: 'Uønsket hendelse',
  deviation: 'Avvik',
  improvement: 'Forbedringsforslag',
  near_miss: 'Nestenulykke',
};
const STATUS: Record<IncidentSummary['status'], string> = {
  closed: 'Lukket',
  in_progress: 'Under behandling',
  measures: 'Tiltak',
  registered: 'Registrert',
  rejected: 'Avvist',
};
const SEVERITY: Record<string, string> = { critical: 'Kritisk', high: 'Høy', low: 'Lav', medium: 'Middels' };

/** A cell safe for spreadsheets: quoted, and formula-looking text neutralised (CSV injection). */
const cell = (value: string | null | undefined): string => {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

const oslo = (iso: string | null): string =>
  iso ? new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso)) : '';

/** Semicolon-separated with a BOM: what Excel with Norwegian settings opens correctly. */
export const toCsv = (items: readonly IncidentSummary[]): string =>
  '\uFEFF' +
  [HEADERS.map(cell).join(';')]
    .concat(
      items.map((item) =>
        [
          item.number,
          KIND[item.kind],
          item.category.label,
          item.subcategory?.label ?? '',
          item.orgUnit.name,
          STATUS[item.status],
          item.severityActual ? SEVERITY[item.severityActual] : '',
          item.severityPotential ? SEVERITY[item.severityPotential] : '',
          oslo(item.occurredAt),
          oslo(item.reportedAt),
          oslo(item.dueAt),
          item.overdue ? 'Ja' : 'Nei',
          item.handler?.name ?? '',
        ]
          .map(cell)
          .join(';'),
      ),
    )
    .join('\r\n') +
  '\r\n';
