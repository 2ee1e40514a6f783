import type { Route } from '@angular/router';

const title = (text: string) => `${text} – Helhet`;

/** The ROS feature (read-only for now). What someone may see is decided by the API. */
export const RISK_ROUTES: Route[] = [
  {
    loadComponent: () => import('./risk-register/risk-register.component').then((m) => m.RiskRegisterComponent),
    path: '',
    pathMatch: 'full',
    title: title($localize`:@@title.riskRegister:Risikoregister`),
  },
  {
    loadComponent: () => import('./analysis-detail/analysis-detail.component').then((m) => m.AnalysisDetailComponent),
    path: 'analyses/:id',
    title: title($localize`:@@title.riskAnalysis:Risikoanalyse`),
  },
];
