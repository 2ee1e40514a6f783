import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { AcceptInvitationRequest } from '@helhet/shared';
import { firstValueFrom } from 'rxjs';

import { errorMessage } from '../core/http-error';

/** Sets the password from the invitation e-mail's link. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RouterLink],
  selector: 'hh-invitation',
  styleUrl: '../login/login.component.scss',
  templateUrl: './invitation.component.html',
})
export class InvitationComponent {
  private readonly http = inject(HttpClient);
  readonly token = input<string>('');
  protected readonly done = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', [Validators.required, Validators.minLength(12)]] });

  protected async accept(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const body: AcceptInvitationRequest = { password: this.form.getRawValue().password, token: this.token() };
      await firstValueFrom(this.http.post<void>('/api/auth/accept-invitation', body));
      this.done.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
