import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ATTACHMENT_LIMITS, type AttachmentResponse, type IncidentResponse } from '@helhet/shared';

import { focusById } from '../../core/forms/field-errors';
import { errorMessage } from '../../core/http-error';
import { fileSize } from '../../core/i18n/countdown';
import { formatDate } from '../../core/i18n/labels';
import { IncidentsApi } from '../incidents.api';

/** Pictures and documents of the case: download links, and upload for those who handle it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  selector: 'hh-attachments-panel',
  styleUrl: './incident-panels.scss',
  template: `
    <section class="block" aria-labelledby="attachments-title">
      <h2 id="attachments-title" i18n="@@incidentDetail.attachmentsTitle">Vedlegg</h2>
      <div role="status" class="result-region">
        @if (message(); as m) {
          <p id="attachment-result" class="ok" tabindex="-1">{{ m }}</p>
        }
      </div>
      <div role="alert" class="alert-region">
        @if (error(); as e) {
          <p class="error">{{ e }}</p>
        }
      </div>
      @if (incident().attachments.length === 0) {
        <p class="meta" i18n="@@incidentDetail.noAttachments">Saken har ingen vedlegg.</p>
      } @else {
        <ul class="attachments">
          @for (a of incident().attachments; track a.id) {
            <li>
              <a [href]="href(a)" download>{{ a.fileName }}</a>
              <span class="meta">{{ size(a.sizeBytes) }} · {{ dateTime(a.uploadedAt) }}</span>
            </li>
          }
        </ul>
      }
      @if (canUpload()) {
        <input #picker type="file" multiple hidden [accept]="accept" (change)="upload(picker)" />
        <button
          mat-stroked-button
          type="button"
          id="attachment-upload"
          [disabled]="busy()"
          (click)="picker.click()"
          aria-describedby="attachment-rules"
          i18n="@@incidentDetail.upload"
        >
          Last opp vedlegg
        </button>
        <p id="attachment-rules" class="meta" i18n="@@incidentDetail.uploadRules">
          Bilder (JPEG, PNG, WebP) eller PDF, høyst {{ maxFiles }} filer og {{ maxMb }} MB per fil. Ikke last opp bilder av pasienter eller
          brukere.
        </p>
      }
    </section>
  `,
})
export class AttachmentsPanelComponent {
  private readonly api = inject(IncidentsApi);
  readonly incident = input.required<IncidentResponse>();
  readonly canUpload = input(false);
  readonly changed = output<IncidentResponse>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly accept = ATTACHMENT_LIMITS.types.join(',');
  protected readonly maxFiles = ATTACHMENT_LIMITS.maxFiles;
  protected readonly maxMb = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);
  protected readonly size = fileSize;
  protected readonly dateTime = (value: string) => formatDate(value, true);
  protected readonly href = (a: AttachmentResponse) => this.api.attachmentUrl(this.incident().id, a.id);

  protected async upload(picker: HTMLInputElement): Promise<void> {
    const files = Array.from(picker.files ?? []);
    picker.value = '';
    if (files.length === 0) return;
    this.message.set(null);
    const problem = this.check(files);
    if (problem) {
      this.error.set(problem);
      focusById('attachment-upload');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await this.api.addAttachments(this.incident().id, files));
      const count = files.length;
      this.message.set($localize`:@@incidentDetail.uploaded:${count}:COUNT: vedlegg er lastet opp.`);
      focusById('attachment-result');
    } catch (error) {
      this.error.set(errorMessage(error));
      focusById('attachment-upload');
    } finally {
      this.busy.set(false);
    }
  }

  private check(files: File[]): string | null {
    if (files.length > ATTACHMENT_LIMITS.maxFiles)
      return $localize`:@@incidentDetail.tooManyFiles:Velg høyst ${ATTACHMENT_LIMITS.maxFiles}:MAX: filer om gangen.`;
    const wrongType = files.find((file) => !ATTACHMENT_LIMITS.types.includes(file.type));
    if (wrongType) return $localize`:@@incidentDetail.wrongType:«${wrongType.name}:FILE:» er ikke et bilde eller en PDF.`;
    const tooBig = files.find((file) => file.size > ATTACHMENT_LIMITS.maxBytes);
    if (tooBig) return $localize`:@@incidentDetail.tooBig:«${tooBig.name}:FILE:» er større enn ${this.maxMb}:MAX: MB.`;
    return null;
  }
}
