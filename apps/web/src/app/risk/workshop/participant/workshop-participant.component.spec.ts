import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DSB_SOCIETAL_SCALE } from '@helhet/domain';
import type { WorkshopState, WorkshopTicket } from '@helhet/shared';

import { AuthService } from '../../../core/auth/auth.service';
import { WorkshopApi } from '../workshop.api';
import { participantSession } from '../workshop-session';
import type { WorkshopConnection } from '../workshop-socket.service';
import { WorkshopSocket } from '../workshop-socket.service';
import { WorkshopParticipantComponent } from './workshop-participant.component';

const TICKET: WorkshopTicket = {
  participantId: 'p-1',
  role: 'participant',
  token: 'guest-token',
  workshop: {
    analysis: { id: 'a-1', title: 'Tjeneste-ROS' },
    code: 'K7M2QX',
    createdAt: '',
    expiresAt: '',
    facilitator: { id: 'u', name: 'Hanne' },
    id: 'w-1',
    status: 'open',
    votingMode: 'named',
  },
};

const fakeSocket = () => ({
  castVote: jest.fn().mockResolvedValue({ ok: true }),
  closed: signal(false),
  connect: jest.fn(),
  connection: signal<WorkshopConnection>('idle'),
  propose: jest.fn().mockResolvedValue({ ok: true }),
  rejection: signal<string | null>(null),
  reset: jest.fn(),
  state: signal<WorkshopState | null>(null),
});

const setup = async (code?: string) => {
  sessionStorage.clear();
  const socket = fakeSocket();
  const api = { join: jest.fn().mockResolvedValue(TICKET) };
  await TestBed.configureTestingModule({
    imports: [WorkshopParticipantComponent],
    providers: [
      { provide: WorkshopApi, useValue: api },
      { provide: AuthService, useValue: { restore: jest.fn().mockResolvedValue(null) } },
    ],
  })
    .overrideComponent(WorkshopParticipantComponent, { set: { providers: [{ provide: WorkshopSocket, useValue: socket }] } })
    .compileComponents();
  const fixture = TestBed.createComponent(WorkshopParticipantComponent);
  if (code) fixture.componentRef.setInput('code', code);
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  };
  await settle();
  return { api, element, settle, socket };
};

const input = (element: HTMLElement, id: string): HTMLInputElement => element.querySelector(`#${id}`) as HTMLInputElement;
const type = (field: HTMLInputElement, value: string) => {
  field.value = value;
  field.dispatchEvent(new Event('input'));
};

describe('WorkshopParticipantComponent', () => {
  it('should prefill the code from the QR link, ask a guest for a name, then join and keep the token for reloads', async () => {
    const { api, element, settle, socket } = await setup('k7m2qx');
    expect(input(element, 'join-code').value).toBe('K7M2QX');
    const form = element.querySelector('form')!;
    form.dispatchEvent(new Event('submit'));
    await settle();
    expect(element.querySelector('#join-name-error')!.textContent).toContain('Skriv navnet ditt.');
    expect(input(element, 'join-name').getAttribute('aria-invalid')).toBe('true');
    expect(api.join).not.toHaveBeenCalled();

    type(input(element, 'join-name'), ' Kari Gjest ');
    type(input(element, 'join-org'), 'Brannvesenet');
    form.dispatchEvent(new Event('submit'));
    await settle();
    expect(api.join).toHaveBeenCalledWith({ code: 'K7M2QX', guestName: 'Kari Gjest', guestOrganisation: 'Brannvesenet' });
    expect(socket.connect).toHaveBeenCalledWith(expect.objectContaining({ token: 'guest-token', workshopId: 'w-1' }));
    expect(participantSession()?.token).toBe('guest-token');
  });

  it('should offer one radio group per dimension with the scale levels, and confirm a registered vote', async () => {
    const { element, settle, socket } = await setup();
    socket.connection.set('connected');
    const state = {
      me: { displayName: 'Kari Gjest', participantId: 'p-1', role: 'participant' },
      myVotes: {},
      participants: [],
      proposals: [],
      round: {
        consensus: [],
        dimensions: ['likelihood', 'deaths'],
        phase: 'voting',
        results: null,
        scenarioId: 's-1',
        voted: { deaths: [], likelihood: [] },
      },
      scale: DSB_SOCIETAL_SCALE,
      scenarios: [{ consensus: [], description: 'Tre døgn uten strøm', id: 's-1', title: 'Langvarig strømbrudd' }],
      workshop: TICKET.workshop,
    } as unknown as WorkshopState;
    socket.state.set(state);
    await settle();
    const groups = [...element.querySelectorAll('fieldset.vote')];
    expect(groups.map((group) => group.querySelector('legend')!.textContent!.trim())).toEqual(['Sannsynlighet', 'Dødsfall']);
    expect(groups[0]!.querySelectorAll('input[type=radio]')).toHaveLength(5);
    expect(element.textContent).not.toContain('Stemme registrert');

    const fourth = groups[0]!.querySelectorAll('input[type=radio]')[3] as HTMLInputElement;
    fourth.click();
    expect(socket.castVote).toHaveBeenCalledWith({ dimension: 'likelihood', value: 4 });
    socket.state.set({ ...state, myVotes: { likelihood: 4 } });
    await settle();
    expect(groups[0]!.querySelector('.registered')!.textContent).toContain('Stemme registrert');
    expect(groups[1]!.querySelector('.registered')).toBeNull();
  });
});
