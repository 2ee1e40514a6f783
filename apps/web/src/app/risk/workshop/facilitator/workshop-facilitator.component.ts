import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { WorkshopAck, WorkshopDimension, WorkshopDimensionResult, WorkshopProposalView, WorkshopVotingMode } from '@helhet/shared';
import { toString as renderQrSvg } from 'qrcode';

import { errorMessage } from '../../../core/http-error';
import { ROUTES } from '../../../core/route-paths';
import { RiskApi } from '../../risk.api';
import { ConnectionStatusComponent } from '../connection-status.component';
import { VoteDistributionComponent } from '../vote-distribution/vote-distribution.component';
import { WorkshopApi } from '../workshop.api';
import {
  ackErrorMessage,
  allDimensions,
  dimensionLabel,
  dimensionLevels,
  levelLabel,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
} from '../workshop-labels';
import { facilitatorSession, forgetSession, saveSession, sessionFromTicket, type WorkshopSession } from '../workshop-session';
import { WorkshopSocket } from '../workshop-socket.service';
import { ConsensusFormComponent } from './consensus-form.component';

/** The address the QR code opens: the participant page with the code filled in. */
export const joinUrl = (origin: string, locale: string | undefined, code: string): string =>
  `${origin}/${locale ?? 'nb'}/workshop?code=${encodeURIComponent(code)}`;

/**
 * The facilitator's screen, made to be projected on a wall: the join code and QR code, who is here, the
 * agenda of scenarios, live voting progress (never values before reveal), the distribution after reveal,
 * consensus per dimension, proposals, and closing.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConnectionStatusComponent,
    ConsensusFormComponent,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    VoteDistributionComponent,
  ],
  providers: [WorkshopSocket],
  selector: 'hh-workshop-facilitator',
  styleUrl: './workshop-facilitator.component.scss',
  templateUrl: './workshop-facilitator.component.html',
})
export class WorkshopFacilitatorComponent {
  private readonly api = inject(WorkshopApi);
  private readonly riskApi = inject(RiskApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly socket = inject(WorkshopSocket);

  /** Analysis id (route parameter). */
  readonly id = input.required<string>();

  protected readonly title = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly votingMode = signal<WorkshopVotingMode>('named');
  protected readonly starting = signal(false);
  protected readonly session = signal<WorkshopSession | null>(null);
  protected readonly qr = signal<SafeHtml | null>(null);
  protected readonly selectedScenarioId = signal<string | null>(null);
  protected readonly selectedDimensions = signal<ReadonlySet<WorkshopDimension>>(new Set());
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly confirmingClose = signal(false);

  protected readonly state = this.socket.state;
  protected readonly analysisPath = computed(() => ['/', ROUTES.risk, 'analyses', this.id()]);
  protected readonly scale = computed(() => this.state()?.scale ?? null);
  protected readonly dimensions = computed(() => allDimensions(this.scale()));
  protected readonly closed = computed(() => this.socket.closed() || this.state()?.workshop.status === 'closed');
  protected readonly anonymous = computed(() => this.state()?.workshop.votingMode === 'anonymous');
  protected readonly voters = computed(() => this.state()?.participants.filter((p) => p.role === 'participant') ?? []);
  protected readonly connectedCount = computed(() => this.voters().filter((p) => p.connected).length);
  protected readonly round = computed(() => this.state()?.round ?? null);
  protected readonly roundScenario = computed(() => this.state()?.scenarios.find((s) => s.id === this.round()?.scenarioId) ?? null);
  protected readonly selectedScenario = computed(() => this.state()?.scenarios.find((s) => s.id === this.selectedScenarioId()) ?? null);
  protected readonly pendingProposals = computed(() => this.state()?.proposals.filter((p) => p.status === 'pending') ?? []);
  protected readonly resolvedProposals = computed(() => this.state()?.proposals.filter((p) => p.status !== 'pending') ?? []);
  protected readonly joinUrl = computed(() => {
    const code = this.state()?.workshop.code;
    return code ? joinUrl(this.document.location.origin, $localize.locale, code) : '';
  });
  protected readonly qrLabel = computed(
    () => $localize`:@@workshop.qrLabel:QR-kode som åpner workshopen med koden ${this.state()?.workshop.code ?? ''}:code:`,
  );

  protected readonly dimensionLabel = (dimension: WorkshopDimension) => dimensionLabel(this.scale(), dimension);
  protected readonly levels = (dimension: WorkshopDimension) => dimensionLevels(this.scale(), dimension);
  protected readonly levelLabel = (dimension: WorkshopDimension, rank: number) => levelLabel(this.scale(), dimension, rank);
  protected readonly kindLabel = (proposal: WorkshopProposalView) => PROPOSAL_KIND_LABELS[proposal.kind]();
  protected readonly statusLabel = (proposal: WorkshopProposalView) => PROPOSAL_STATUS_LABELS[proposal.status]();

  protected readonly joinHost = computed(() => `${this.document.location.host}/${$localize.locale ?? 'nb'}/workshop`);
  protected readonly codeLabel = computed(
    () => $localize`:@@workshop.codeLabel:Koden er ${(this.state()?.workshop.code ?? '').split('').join(' ')}:code:`,
  );
  protected readonly namedText = $localize`:@@workshop.namedMode:Navngitt avstemning`;
  protected readonly anonymousText = $localize`:@@workshop.anonymousMode:Anonym avstemning`;
  protected readonly connectedText = $localize`:@@workshop.participantConnected:tilkoblet`;
  protected readonly disconnectedText = $localize`:@@workshop.participantDisconnected:frakoblet`;
  protected readonly pickLabel = (title: string) => $localize`:@@workshop.pickLabel:Velg ${title}:title: for avstemning`;
  protected readonly votedText = (count: number, total: number) =>
    $localize`:@@workshop.votedCount:${count}:count: av ${total}:total: har stemt`;
  protected readonly acceptLabel = (p: WorkshopProposalView) => $localize`:@@workshop.acceptLabel:Godta forslaget «${p.text}:text:»`;
  protected readonly dismissLabel = (p: WorkshopProposalView) => $localize`:@@workshop.dismissLabel:Avvis forslaget «${p.text}:text:»`;
  protected readonly scenarioTitle = (id: string | null) => (id ? (this.state()?.scenarios.find((s) => s.id === id)?.title ?? null) : null);

  private triedStored = false;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    effect(() => {
      const url = this.joinUrl();
      untracked(() => void this.renderQr(url));
    });
    // The workshop has been closed: its token is of no more use after a reload.
    effect(() => {
      if (!this.socket.closed()) return;
      untracked(() => {
        const session = this.session();
        if (session) forgetSession(session);
      });
    });
    // A stored token the server no longer accepts: forget it and look for the open workshop instead.
    effect(() => {
      if (this.socket.connection() !== 'rejected') return;
      untracked(() => {
        const session = this.session();
        if (session) forgetSession(session);
        this.session.set(null);
        if (this.socket.closed()) return;
        if (this.triedStored) {
          this.triedStored = false;
          void this.resumeOpen(this.id());
        } else {
          this.error.set($localize`:@@workshop.facilitatorRejected:Forbindelsen til workshopen ble avvist. Last siden på nytt.`);
        }
      });
    });
  }

  protected votedNames(dimension: WorkshopDimension): string[] {
    const ids = new Set(this.round()?.voted[dimension] ?? []);
    return (
      this.state()
        ?.participants.filter((p) => ids.has(p.id))
        .map((p) => p.displayName) ?? []
    );
  }

  protected votedCount(dimension: WorkshopDimension): number {
    return this.round()?.voted[dimension]?.length ?? 0;
  }

  protected result(dimension: WorkshopDimension): WorkshopDimensionResult | null {
    return this.round()?.results?.find((r) => r.dimension === dimension) ?? null;
  }

  protected consensusFor(dimension: WorkshopDimension) {
    return this.round()?.consensus.find((c) => c.dimension === dimension) ?? null;
  }

  protected selectScenario(id: string): void {
    this.selectedScenarioId.set(id);
    this.selectedDimensions.set(new Set(this.dimensions()));
    this.actionError.set(null);
  }

  protected toggleDimension(dimension: WorkshopDimension, checked: boolean): void {
    const next = new Set(this.selectedDimensions());
    if (checked) next.add(dimension);
    else next.delete(dimension);
    this.selectedDimensions.set(next);
  }

  protected async start(): Promise<void> {
    this.starting.set(true);
    this.error.set(null);
    try {
      this.useSession(sessionFromTicket(await this.api.create({ analysisId: this.id(), votingMode: this.votingMode() })));
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.starting.set(false);
    }
  }

  protected async openRound(): Promise<void> {
    const scenarioId = this.selectedScenarioId();
    const dimensions = this.dimensions().filter((d) => this.selectedDimensions().has(d));
    if (!scenarioId) return;
    if (dimensions.length === 0) {
      this.actionError.set($localize`:@@workshop.pickDimension:Velg minst én dimensjon å stemme over.`);
      return;
    }
    const all = dimensions.length === this.dimensions().length;
    if (await this.run(() => this.socket.openRound(all ? { scenarioId } : { dimensions, scenarioId }))) this.selectedScenarioId.set(null);
  }

  protected reveal(): Promise<boolean> {
    return this.run(() => this.socket.reveal());
  }

  protected resolve(proposal: WorkshopProposalView, accept: boolean): Promise<boolean> {
    return this.run(() => this.socket.resolveProposal({ accept, proposalId: proposal.id }));
  }

  protected async close(): Promise<void> {
    if (await this.run(() => this.socket.close())) this.confirmingClose.set(false);
  }

  protected newWorkshop(): void {
    const session = this.session();
    if (session) forgetSession(session);
    this.session.set(null);
    this.socket.reset();
    this.qr.set(null);
  }

  protected async fullscreen(): Promise<void> {
    if (this.document.fullscreenElement) await this.document.exitFullscreen();
    else await this.host.nativeElement.requestFullscreen?.().catch(() => undefined);
  }

  private async run(command: () => Promise<WorkshopAck>): Promise<boolean> {
    this.busy.set(true);
    this.actionError.set(null);
    const ack = await command();
    this.busy.set(false);
    if (!ack.ok) this.actionError.set(ackErrorMessage(ack));
    return ack.ok;
  }

  private useSession(session: WorkshopSession): void {
    saveSession(session);
    this.session.set(session);
    this.socket.connect(session);
  }

  private async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const analysis = await this.riskApi.analysis(id);
      this.title.set(analysis.title);
      const stored = facilitatorSession(id);
      if (stored) {
        this.triedStored = true;
        this.useSession(stored);
      } else {
        await this.resumeOpen(id);
      }
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** The analysis's open workshop, if any: a fresh facilitator token for it. */
  private async resumeOpen(id: string): Promise<void> {
    const workshops = await this.api.forAnalysis(id).catch(() => []);
    const open = workshops.find((workshop) => workshop.status === 'open');
    if (!open) return;
    try {
      this.useSession(sessionFromTicket(await this.api.facilitatorTicket(open.id)));
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }

  private async renderQr(url: string): Promise<void> {
    if (!url) return;
    const svg = await renderQrSvg(url, { errorCorrectionLevel: 'M', margin: 2, type: 'svg' });
    // The library's own SVG markup (paths only, from a URL we built): safe to insert as is.
    this.qr.set(this.sanitizer.bypassSecurityTrustHtml(svg));
  }
}
