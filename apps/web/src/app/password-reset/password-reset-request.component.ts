import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { PasswordResetRequest } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage } from '../core/http-error';

/** "Glemt passord?": asks for the e-mail address; the answer is the same whether or not it has an account. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RouterLink],
  selector: 'hh-password-reset-request',
  styleUrl: '../login/login.component.scss',
  templateUrl: './password-reset-request.component.html',
})
export class PasswordResetRequestComponent {
  private readonly http = inject(HttpClient);
  protected readonly sent = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });

  protected async request(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body: PasswordResetRequest = { email: this.form.getRawValue().email };
      await firstValueFrom(this.http.post<void>('/api/auth/password-reset', body));
      this.sent.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
