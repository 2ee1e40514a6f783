import { inject } from '@angular/core';
import { type CanActivateFn, type Route, Router } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';

import { AuthService } from '../core/auth/auth.service';

const title = (text: string) => `${text} – Helhet`;

/** Creating an analysis needs risk.edit or risk.edit_holistic (the API checks the type and unit). */
const canCreateAnalysis: CanActivateFn = async () => {
  const auth = inject(AuthService);
  if (!auth.signedIn()) await auth.restore();
  return [PERMISSIONS.riskEdit, PERMISSIONS.riskEditHolistic].some((permission) => auth.hasPermission(permission))
    ? true
    : inject(Router).createUrlTree(['/forbidden']);
};

/** The ROS feature. What someone may see and change is decided by the API. */
export const RISK_ROUTES: Route[] = [
  {
    loadComponent: () => import('./risk-register/risk-register.component').then((m) => m.RiskRegisterComponent),
    path: '',
    pathMatch: 'full',
    title: title($localize`:@@title.riskRegister:Risikoregister`),
  },
  {
    loadComponent: () => import('./analysis-list/analysis-list.component').then((m) => m.AnalysisListComponent),
    path: 'analyses',
    pathMatch: 'full',
    title: title($localize`:@@title.riskAnalyses:Risikoanalyser`),
  },
  {
    canActivate: [canCreateAnalysis],
    loadComponent: () => import('./analysis-form/analysis-form.component').then((m) => m.AnalysisFormComponent),
    path: 'analyses/new',
    title: title($localize`:@@title.riskAnalysisNew:Ny risikoanalyse`),
  },
  {
    loadComponent: () => import('./scenario-form/scenario-form.component').then((m) => m.ScenarioFormComponent),
    path: 'analyses/:id/scenarios/new',
    title: title($localize`:@@title.scenarioNew:Ny uønsket hendelse`),
  },
  {
    loadComponent: () => import('./scenario-form/scenario-form.component').then((m) => m.ScenarioFormComponent),
    path: 'analyses/:id/scenarios/:scenarioId',
    title: title($localize`:@@title.scenarioEdit:Endre uønsket hendelse`),
  },
  {
    loadComponent: () => import('./analysis-detail/analysis-detail.component').then((m) => m.AnalysisDetailComponent),
    path: 'analyses/:id',
    title: title($localize`:@@title.riskAnalysis:Risikoanalyse`),
  },
  {
    loadComponent: () => import('./workshop/facilitator/workshop-facilitator.component').then((m) => m.WorkshopFacilitatorComponent),
    path: 'analyses/:id/workshop',
    title: title($localize`:@@title.workshop:Workshop`),
  },
  {
    loadComponent: () => import('./scenario-import/scenario-import.component').then((m) => m.ScenarioImportComponent),
    path: 'analyses/:id/import',
    title: title($localize`:@@title.scenarioImport:Importer fra regneark`),
  },
];
