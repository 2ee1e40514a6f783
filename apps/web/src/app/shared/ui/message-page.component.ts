import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  selector: 'hh-not-found',
  template: `
    <h1 i18n="@@notFound.title">Fant ikke siden</h1>
    <p i18n="@@notFound.body">Siden finnes ikke, eller lenken er gammel.</p>
    <p><a routerLink="/" i18n="@@common.backHome">Til oversikten</a></p>
  `,
})
export class NotFoundComponent {}

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  selector: 'hh-forbidden',
  template: `
    <h1 i18n="@@forbidden.title">Ingen tilgang</h1>
    <p i18n="@@forbidden.body">
      Rollene dine gir ikke tilgang til denne siden. Spør systemadministratoren hvis du mener du skal ha tilgang.
    </p>
    <p><a routerLink="/" i18n="@@common.backHome">Til oversikten</a></p>
  `,
})
export class ForbiddenComponent {}
