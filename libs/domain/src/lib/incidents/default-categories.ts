import type { CategoryRestriction } from './incident.types';

export interface DefaultCategory {
  code: string;
  restriction: CategoryRestriction;
  /** Improvement suggestions are not deviations: they carry no severity. */
  hasSeverity: boolean;
  subcategories: readonly string[];
}

/**
 * The shipped default categories and sub-categories (domain.md §3.2). Tenants copy them on creation and
 * may rename, add or retire their own; codes are stable identifiers, labels live with the tenant's rows.
 */
export const DEFAULT_INCIDENT_CATEGORIES: readonly (DefaultCategory & { labelNb: string; subcategoryLabelsNb: readonly string[] })[] = [
  {
    code: 'violence_threats',
    hasSeverity: true,
    labelNb: 'Vold og trusler',
    restriction: 'injury',
    subcategories: ['physical_violence', 'threats', 'harassment'],
    subcategoryLabelsNb: ['Fysisk vold', 'Trusler', 'Trakassering'],
  },
  {
    code: 'personal_injury',
    hasSeverity: true,
    labelNb: 'Personskade / ulykke / nestenulykke (ansatt)',
    restriction: 'injury',
    subcategories: ['fall', 'cut', 'lifting', 'needlestick', 'traffic'],
    subcategoryLabelsNb: ['Fall', 'Kutt', 'Løft/forflytning', 'Stikkskade', 'Trafikk'],
  },
  {
    code: 'work_environment',
    hasSeverity: true,
    labelNb: 'Arbeidsmiljø (HMS)',
    restriction: 'none',
    subcategories: ['psychosocial', 'indoor_climate', 'noise', 'ergonomics', 'staffing_lone_work'],
    subcategoryLabelsNb: ['Psykososialt', 'Inneklima', 'Støy', 'Ergonomi', 'Bemanning/alenearbeid'],
  },
  {
    code: 'user_safety',
    hasSeverity: true,
    labelNb: 'Bruker-/pasientsikkerhet',
    restriction: 'none',
    subcategories: ['medication', 'user_fall', 'missing_service', 'coercion'],
    subcategoryLabelsNb: ['Legemiddelavvik', 'Fall hos bruker', 'Feil/manglende tjeneste', 'Tvang'],
  },
  {
    code: 'service_quality',
    hasSeverity: true,
    labelNb: 'Tjenestekvalitet',
    restriction: 'none',
    subcategories: ['processing_deadline', 'missing_documentation', 'routine_breach'],
    subcategoryLabelsNb: ['Saksbehandlingsfrist', 'Manglende dokumentasjon', 'Brudd på rutine'],
  },
  {
    code: 'information_security',
    hasSeverity: true,
    labelNb: 'Informasjonssikkerhet / personvern',
    restriction: 'infosec',
    subcategories: ['misdirected', 'unauthorised_access', 'data_loss', 'downtime'],
    subcategoryLabelsNb: ['Feilsendt', 'Uautorisert tilgang', 'Tap av data', 'Nedetid'],
  },
  {
    code: 'material_damage',
    hasSeverity: true,
    labelNb: 'Materiell – skade, tap og svinn',
    restriction: 'none',
    subcategories: [],
    subcategoryLabelsNb: [],
  },
  {
    code: 'fire',
    hasSeverity: true,
    labelNb: 'Brann / brannvern',
    restriction: 'none',
    subcategories: ['near_fire', 'alarm', 'blocked_escape'],
    subcategoryLabelsNb: ['Branntilløp', 'Utløst alarm', 'Rømningsvei blokkert'],
  },
  {
    code: 'environment',
    hasSeverity: true,
    labelNb: 'Klima og miljø (ytre miljø)',
    restriction: 'none',
    subcategories: ['emission', 'pollution', 'waste'],
    subcategoryLabelsNb: ['Utslipp', 'Forurensning', 'Avfall'],
  },
  {
    code: 'pupil_environment',
    hasSeverity: true,
    labelNb: 'Elev-HMS / skolemiljø',
    restriction: 'none',
    subcategories: [],
    subcategoryLabelsNb: [],
  },
  { code: 'other', hasSeverity: true, labelNb: 'Andre avvik', restriction: 'none', subcategories: [], subcategoryLabelsNb: [] },
  {
    code: 'improvement',
    hasSeverity: false,
    labelNb: 'Forbedringsforslag',
    restriction: 'none',
    subcategories: [],
    subcategoryLabelsNb: [],
  },
];
