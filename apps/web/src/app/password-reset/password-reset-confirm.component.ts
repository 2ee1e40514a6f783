import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { PasswordResetConfirmRequest } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage } from '../core/http-error';

/** Chooses a new password from the e-mailed link (`?token=`); the same rules as accepting an invitation. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RouterLink],
  selector: 'hh-password-reset-confirm',
  styleUrl: '../login/login.component.scss',
  templateUrl: './password-reset-confirm.component.html',
})
export class PasswordResetConfirmComponent {
  private readonly http = inject(HttpClient);
  readonly token = input<string>('');
  protected readonly done = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.minLength(12)]] });

  protected async confirm(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body: PasswordResetConfirmRequest = { password: this.form.getRawValue().password, token: this.token() };
      await firstValueFrom(this.http.post<void>('/api/auth/password-reset/confirm', body));
      this.done.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
