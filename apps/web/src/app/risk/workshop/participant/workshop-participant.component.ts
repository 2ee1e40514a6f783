import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { WorkshopDimension, WorkshopProposalKind } from '@helhet/shared';

import { AuthService } from '../../../core/auth/auth.service';
import { errorMessage, fieldErrors } from '../../../core/http-error';
import { ConnectionStatusComponent } from '../connection-status.component';
import { VoteDistributionComponent } from '../vote-distribution/vote-distribution.component';
import { WorkshopApi } from '../workshop.api';
import {
  ackErrorMessage,
  dimensionLabel,
  dimensionLevels,
  levelLabel,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  rejectionMessage,
} from '../workshop-labels';
import { forgetSession, participantSession, saveSession, sessionFromTicket, type WorkshopSession } from '../workshop-session';
import { WorkshopSocket } from '../workshop-socket.service';

const CODE_PATTERN = /^[A-Z0-9]{4,12}$/;

/**
 * The participant's page, public and phone-first: join with the code (guests give a name), then vote on
 * the open round, see the result and the consensus, and send proposals. Guests have no session: nothing
 * here goes through the app's sign-in redirects, and the workshop token lives in sessionStorage.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectionStatusComponent, MatButtonModule, VoteDistributionComponent],
  providers: [WorkshopSocket],
  selector: 'hh-workshop-participant',
  styleUrl: './workshop-participant.component.scss',
  templateUrl: './workshop-participant.component.html',
})
export class WorkshopParticipantComponent {
  private readonly api = inject(WorkshopApi);
  private readonly auth = inject(AuthService);
  protected readonly socket = inject(WorkshopSocket);

  /** `?code=` from the QR code. */
  readonly code = input<string>();

  protected readonly ready = signal(false);
  protected readonly signedInName = signal<string | null>(null);
  protected readonly session = signal<WorkshopSession | null>(null);
  protected readonly codeValue = signal('');
  protected readonly nameValue = signal('');
  protected readonly organisationValue = signal('');
  protected readonly joining = signal(false);
  protected readonly joinError = signal<string | null>(null);
  protected readonly joinFieldErrors = signal<Record<string, string>>({});
  protected readonly voteBusy = signal<ReadonlySet<WorkshopDimension>>(new Set());
  protected readonly voteErrors = signal<Record<string, string>>({});
  protected readonly proposalKind = signal<WorkshopProposalKind>('measure');
  protected readonly proposalText = signal('');
  protected readonly proposalBusy = signal(false);
  protected readonly proposalError = signal<string | null>(null);
  protected readonly proposalSent = signal(false);

  protected readonly state = this.socket.state;
  protected readonly scale = computed(() => this.state()?.scale ?? null);
  protected readonly round = computed(() => this.state()?.round ?? null);
  protected readonly roundScenario = computed(() => this.state()?.scenarios.find((s) => s.id === this.round()?.scenarioId) ?? null);
  protected readonly closed = computed(() => this.socket.closed() || this.state()?.workshop.status === 'closed');
  protected readonly rejected = computed(() => this.socket.connection() === 'rejected');
  protected readonly rejectedText = computed(() => rejectionMessage(this.socket.rejection()));
  protected readonly showJoin = computed(() => this.ready() && (!this.session() || this.rejected()));
  protected readonly allVoted = computed(() => {
    const round = this.round();
    const votes = this.state()?.myVotes ?? {};
    return !!round && round.dimensions.every((d) => votes[d] !== undefined);
  });

  protected readonly dimensionLabel = (d: WorkshopDimension) => dimensionLabel(this.scale(), d);
  protected readonly levels = (d: WorkshopDimension) => dimensionLevels(this.scale(), d);
  protected readonly levelLabel = (d: WorkshopDimension, rank: number | undefined) => levelLabel(this.scale(), d, rank);
  protected readonly kindLabel = (kind: WorkshopProposalKind) => PROPOSAL_KIND_LABELS[kind]();
  protected readonly statusLabel = (status: 'pending' | 'accepted' | 'dismissed') => PROPOSAL_STATUS_LABELS[status]();
  protected readonly kinds: WorkshopProposalKind[] = ['measure', 'cause', 'scenario'];

  private readonly roundHeading = viewChild<ElementRef<HTMLElement>>('roundHeading');
  private lastRoundKey: string | undefined;

  constructor() {
    void this.init();
    // Focus moves to the round when the facilitator opens or reveals one, so screen readers hear it.
    effect(() => {
      const round = this.round();
      const key = round ? `${round.scenarioId}|${round.phase}|${round.dimensions.join(',')}` : '';
      if (this.state() === null) return;
      untracked(() => {
        const previous = this.lastRoundKey;
        this.lastRoundKey = key;
        if (previous === undefined || previous === key || !round) return;
        setTimeout(() => this.roundHeading()?.nativeElement.focus());
      });
    });
  }

  protected myVote(d: WorkshopDimension): number | undefined {
    return this.state()?.myVotes[d];
  }

  protected consensusFor(d: WorkshopDimension) {
    return this.round()?.consensus.find((c) => c.dimension === d) ?? null;
  }

  protected resultFor(d: WorkshopDimension) {
    return this.round()?.results?.find((r) => r.dimension === d) ?? null;
  }

  protected async join(): Promise<void> {
    const code = this.codeValue().trim().toUpperCase();
    const name = this.nameValue().trim();
    const problems: Record<string, string> = {};
    if (!CODE_PATTERN.test(code)) problems['code'] = $localize`:@@workshop.codeInvalid:Skriv koden som vises på skjermen (6 tegn).`;
    if (!this.signedInName() && !name) problems['guestName'] = $localize`:@@workshop.nameRequired:Skriv navnet ditt.`;
    this.joinFieldErrors.set(problems);
    this.joinError.set(null);
    if (Object.keys(problems).length > 0) return;
    this.joining.set(true);
    try {
      const organisation = this.organisationValue().trim();
      const ticket = await this.api.join(
        this.signedInName() ? { code } : { code, guestName: name, ...(organisation ? { guestOrganisation: organisation } : {}) },
      );
      const old = this.session();
      if (old) forgetSession(old);
      this.connect(sessionFromTicket(ticket));
    } catch (error) {
      const fields = fieldErrors(error);
      this.joinFieldErrors.set(
        Object.fromEntries(
          Object.entries(fields).map(([field]) => [
            field,
            field === 'guestName'
              ? $localize`:@@workshop.nameInvalid:Skriv et navn på 1–100 tegn.`
              : $localize`:@@workshop.fieldInvalid:Sjekk dette feltet.`,
          ]),
        ),
      );
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 404)
        this.joinError.set($localize`:@@workshop.codeNotFound:Fant ingen åpen workshop med denne koden. Sjekk koden på skjermen.`);
      else if (status === 429) this.joinError.set($localize`:@@workshop.tooManyTries:For mange forsøk. Vent litt og prøv igjen.`);
      else this.joinError.set(errorMessage(error));
    } finally {
      this.joining.set(false);
    }
  }

  protected async vote(d: WorkshopDimension, value: number): Promise<void> {
    this.voteBusy.set(new Set([...this.voteBusy(), d]));
    this.voteErrors.set({ ...this.voteErrors(), [d]: '' });
    const ack = await this.socket.castVote({ dimension: d, value });
    const busy = new Set(this.voteBusy());
    busy.delete(d);
    this.voteBusy.set(busy);
    if (!ack.ok) this.voteErrors.set({ ...this.voteErrors(), [d]: ackErrorMessage(ack) });
  }

  protected async propose(): Promise<void> {
    this.proposalSent.set(false);
    const text = this.proposalText().trim();
    if (!text) {
      this.proposalError.set($localize`:@@workshop.proposalRequired:Skriv forslaget ditt.`);
      return;
    }
    this.proposalBusy.set(true);
    this.proposalError.set(null);
    const kind = this.proposalKind();
    const scenarioId = kind === 'scenario' ? null : (this.round()?.scenarioId ?? null);
    const ack = await this.socket.propose({ kind, scenarioId, text });
    this.proposalBusy.set(false);
    if (ack.ok) {
      this.proposalText.set('');
      this.proposalSent.set(true);
    } else {
      this.proposalError.set(ackErrorMessage(ack));
    }
  }

  /** Leave (after a closed workshop or a refused token) and offer the join form again. */
  protected leave(): void {
    const session = this.session();
    if (session) forgetSession(session);
    this.session.set(null);
    this.socket.reset();
    this.lastRoundKey = undefined;
  }

  private connect(session: WorkshopSession): void {
    saveSession(session);
    this.session.set(session);
    this.codeValue.set(session.code);
    this.socket.connect(session);
  }

  private async init(): Promise<void> {
    // Signed-in users join as themselves. /api/auth/me never triggers the refresh-and-redirect path.
    const me = await this.auth.restore();
    this.signedInName.set(me?.name ?? null);
    const code = (this.code() ?? '').trim().toUpperCase();
    const stored = participantSession();
    if (stored && (!code || code === stored.code.toUpperCase())) this.connect(stored);
    else this.codeValue.set(code);
    this.ready.set(true);
  }
}
