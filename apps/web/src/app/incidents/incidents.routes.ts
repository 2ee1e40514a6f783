import type { Route } from '@angular/router';

const title = (text: string) => `${text} – Helhet`;

/**
 * The avvik feature. `new?unit=<id>` is what a unit's printed QR code opens. Lists and details are
 * filtered by the API; a route here never decides what someone may see.
 */
export const INCIDENT_ROUTES: Route[] = [
  {
    loadComponent: () => import('./incident-list/incident-list.component').then((m) => m.IncidentListComponent),
    path: '',
    pathMatch: 'full',
    title: title($localize`:@@title.incidents:Avvik`),
  },
  {
    loadComponent: () => import('./file-incident/file-incident.component').then((m) => m.FileIncidentComponent),
    path: 'new',
    title: title($localize`:@@title.fileIncident:Meld avvik`),
  },
  {
    loadComponent: () => import('./my-cases/my-cases.component').then((m) => m.MyCasesComponent),
    path: 'mine',
    title: title($localize`:@@title.myIncidents:Mine saker`),
  },
  {
    loadComponent: () => import('./receipt/receipt.component').then((m) => m.ReceiptComponent),
    path: 'receipt',
    title: title($localize`:@@title.incidentReceipt:Følg anonym melding`),
  },
  {
    loadComponent: () => import('./incident-stats/incident-stats.component').then((m) => m.IncidentStatsComponent),
    path: 'stats',
    title: title($localize`:@@title.incidentStats:Avviksstatistikk`),
  },
  {
    loadComponent: () => import('./unit-qr/unit-qr.component').then((m) => m.UnitQrComponent),
    path: 'qr/:unitId',
    title: title($localize`:@@title.unitQr:QR-kode for avviksmelding`),
  },
  {
    loadComponent: () => import('./incident-detail/incident-detail.component').then((m) => m.IncidentDetailComponent),
    path: ':id',
    title: title($localize`:@@title.incident:Avvikssak`),
  },
];
