import type { Routes } from '@angular/router';

export const ORGANISATION_ROUTES: Routes = [
  {
    loadComponent: () => import('./org-tree/org-tree.component').then((m) => m.OrgTreeComponent),
    path: '',
    title: $localize`:@@title.organisation:Organisasjon` + ' – Helhet',
  },
  {
    loadComponent: () => import('./org-unit-page/org-unit-page.component').then((m) => m.OrgUnitPageComponent),
    path: ':id',
    title: $localize`:@@title.orgUnit:Enhet` + ' – Helhet',
  },
];
