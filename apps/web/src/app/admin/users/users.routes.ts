import type { Routes } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';

import { permissionGuard } from '../../core/auth/auth.guards';

export const USER_ROUTES: Routes = [
  {
    loadComponent: () => import('./user-list/user-list.component').then((m) => m.UserListComponent),
    path: '',
    title: $localize`:@@title.users:Brukere og roller` + ' – Helhet',
  },
  {
    canActivate: [permissionGuard(PERMISSIONS.usersManage)],
    loadComponent: () => import('./user-create/user-create.component').then((m) => m.UserCreateComponent),
    path: 'new',
    title: $localize`:@@title.userNew:Ny bruker` + ' – Helhet',
  },
  {
    loadComponent: () => import('./user-detail/user-detail.component').then((m) => m.UserDetailComponent),
    path: ':id',
    title: $localize`:@@title.user:Bruker` + ' – Helhet',
  },
];
