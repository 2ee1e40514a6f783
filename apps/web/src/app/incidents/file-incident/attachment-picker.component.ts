import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ATTACHMENT_LIMITS } from '@helhet/shared';

const MB = 1024 * 1024;

/** Why `file` cannot be attached, in Norwegian, or null. The API checks the same limits (and the content). */
export const attachmentProblem = (file: File): string | null => {
  const name = file.name;
  if (!ATTACHMENT_LIMITS.types.includes(file.type))
    return $localize`:@@incidentFile.fileType:«${name}:fileName:» er ikke et bilde (JPEG, PNG eller WebP) eller en PDF.`;
  if (file.size === 0) return $localize`:@@incidentFile.fileEmpty:«${name}:fileName:» er tom.`;
  if (file.size > ATTACHMENT_LIMITS.maxBytes)
    return $localize`:@@incidentFile.fileTooLarge:«${name}:fileName:» er større enn ${ATTACHMENT_LIMITS.maxBytes / MB}:maxMb: MB.`;
  return null;
};

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Optional photos and PDFs for a report. On phones a second button opens the camera directly. Refused
 * files never join the list; the reasons are announced.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  selector: 'hh-attachment-picker',
  styleUrl: './filing-form.scss',
  template: `
    <p class="hint" id="attachments-hint" i18n="@@incidentFile.attachmentsHint">
      Bilder (JPEG, PNG, WebP) eller PDF, høyst {{ maxFiles }} filer på {{ maxMb }} MB hver. Ikke ta bilder av personer.
    </p>
    <div class="actions">
      @if (touch) {
        <button
          mat-stroked-button
          type="button"
          (click)="camera.click()"
          [disabled]="full()"
          aria-describedby="attachments-hint"
          i18n="@@incidentFile.takePhoto"
        >
          Ta bilde
        </button>
      }
      <button
        mat-stroked-button
        type="button"
        (click)="picker.click()"
        [disabled]="full()"
        aria-describedby="attachments-hint"
        i18n="@@incidentFile.chooseFiles"
      >
        Velg filer
      </button>
    </div>
    <input #picker hidden type="file" accept="image/*,application/pdf" multiple (change)="add(picker)" tabindex="-1" aria-hidden="true" />
    <input #camera hidden type="file" accept="image/*" capture="environment" (change)="add(camera)" tabindex="-1" aria-hidden="true" />
    <div role="alert">
      @for (problem of problems(); track $index) {
        <p class="error">{{ problem }}</p>
      }
    </div>
    @if (files().length > 0) {
      <ul class="files" i18n-aria-label="@@incidentFile.chosenFiles" aria-label="Valgte filer">
        @for (file of files(); track $index) {
          <li>
            <span class="file-name"
              >{{ file.name }} <span class="meta">({{ size(file) }})</span>
              @if (refused().has($index)) {
                <span class="error block" i18n="@@incidentFile.fileRefused"
                  >Filen ble ikke godtatt. Fjern den, eller velg et annet bilde eller en PDF.</span
                >
              }
            </span>
            <button
              mat-button
              type="button"
              (click)="remove($index)"
              [attr.aria-label]="removeLabel(file)"
              i18n="@@incidentFile.removeFile"
            >
              Fjern
            </button>
          </li>
        }
      </ul>
    }
    <p class="meta" role="status">{{ countText() }}</p>
  `,
})
export class AttachmentPickerComponent {
  readonly files = model<readonly File[]>([]);
  /** Positions of files the API refused (`files.<n>`). */
  readonly refused = input<ReadonlySet<number>>(new Set());
  protected readonly problems = signal<string[]>([]);
  protected readonly full = computed(() => this.files().length >= ATTACHMENT_LIMITS.maxFiles);
  protected readonly countText = computed(() => {
    const count = this.files().length;
    if (count === 0) return '';
    return count === 1 ? $localize`:@@incidentFile.oneFile:1 fil valgt` : $localize`:@@incidentFile.fileCount:${count}:count: filer valgt`;
  });
  protected readonly maxFiles = ATTACHMENT_LIMITS.maxFiles;
  protected readonly maxMb = ATTACHMENT_LIMITS.maxBytes / MB;
  /** Touch screens get the camera button; a desktop would just open a file dialog twice. */
  protected readonly touch = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

  protected add(input: HTMLInputElement): void {
    const chosen = Array.from(input.files ?? []);
    input.value = ''; // the same file can be chosen again after removing it
    const accepted = [...this.files()];
    const problems: string[] = [];
    for (const file of chosen) {
      const problem = attachmentProblem(file);
      if (problem) problems.push(problem);
      else if (accepted.some((other) => sameFile(other, file))) continue;
      else if (accepted.length >= ATTACHMENT_LIMITS.maxFiles) {
        problems.push($localize`:@@incidentFile.tooManyFiles:Du kan legge ved høyst ${ATTACHMENT_LIMITS.maxFiles}:maxFiles: filer.`);
        break;
      } else accepted.push(file);
    }
    this.files.set(accepted);
    this.problems.set(problems);
  }

  protected remove(index: number): void {
    this.files.set(this.files().filter((_, i) => i !== index));
    this.problems.set([]);
  }

  protected size(file: File): string {
    const locale = $localize.locale === 'en' ? 'en-GB' : 'nb-NO';
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return file.size >= MB ? `${format.format(file.size / MB)} MB` : `${format.format(Math.max(1, Math.round(file.size / 1024)))} kB`;
  }

  protected removeLabel(file: File): string {
    return $localize`:@@incidentFile.removeFileLabel:Fjern ${file.name}:fileName:`;
  }
}
