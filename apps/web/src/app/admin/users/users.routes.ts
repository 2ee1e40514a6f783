import type { Routes } from '@angular/router';
import { PERMISSIONS } from '@helhet/shared';

import { permissionGuard } from '../../core/auth/auth.guards';

export const USER_ROUTES: Routes = [
  {
    canActivate: [permissionGuard(PERMISSIONS.usersRead)],
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
    // users.read, or a watcher told that this user got a content role (ADR 0015): the API answers 403 otherwise.
    loadComponent: () => import('./user-detail/user-detail.component').then((m) => m.UserDetailComponent),
    path: ':id',
    title: $localize`:@@title.user:Bruker` + ' – Helhet',
  },
];
