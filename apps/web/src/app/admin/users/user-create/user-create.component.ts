import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { Locale } from '@helhet/shared';

import { errorMessage, fieldErrors } from '../../../core/http-error';
import { UnitPickerComponent } from '../../../organisation/unit-picker/unit-picker.component';
import { UsersApi } from '../users.api';

/** Create a user and send the invitation e-mail. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, ReactiveFormsModule, RouterLink, UnitPickerComponent],
  selector: 'hh-user-create',
  styleUrl: '../user-detail/user-detail.component.scss',
  templateUrl: './user-create.component.html',
})
export class UserCreateComponent {
  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    locale: ['nb' as Locale],
    name: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly unitId = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly serverErrors = signal<Record<string, string[]>>({});
  protected readonly busy = signal(false);
  protected readonly unitLabel = $localize`:@@userCreate.unit:Enhet brukeren hører til`;

  protected async create(): Promise<void> {
    if (this.form.invalid || !this.unitId()) {
      this.form.markAllAsTouched();
      if (!this.unitId()) this.error.set($localize`:@@userCreate.pickUnit:Velg enheten brukeren hører til.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const user = await this.api.create({ ...this.form.getRawValue(), primaryOrgUnitId: this.unitId() });
      await this.router.navigate(['/admin/users', user.id]);
    } catch (error) {
      this.serverErrors.set(fieldErrors(error));
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
