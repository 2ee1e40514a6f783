import { TestBed } from '@angular/core/testing';
import type { WorkshopDimensionResult } from '@helhet/shared';

import { VoteDistributionComponent } from './vote-distribution.component';

const LEVELS = [1, 2, 3, 4, 5].map((rank) => ({
  description: '',
  label: ['Svært lav', 'Lav', 'Middels', 'Høy', 'Svært høy'][rank - 1] ?? '',
  rank,
}));

const render = async (result: WorkshopDimensionResult): Promise<HTMLElement> => {
  await TestBed.configureTestingModule({ imports: [VoteDistributionComponent] }).compileComponents();
  const fixture = TestBed.createComponent(VoteDistributionComponent);
  fixture.componentRef.setInput('result', result);
  fixture.componentRef.setInput('levels', LEVELS);
  fixture.componentRef.setInput('dimensionLabel', 'Sannsynlighet');
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
};

const vote = (value: number, displayName: string | null = null) => ({ displayName, participantId: displayName, value });

describe('VoteDistributionComponent', () => {
  it('should draw one bar per rank with the vote counts, mark the median and describe it all in text', async () => {
    const element = await render({
      count: 4,
      dimension: 'likelihood',
      max: 5,
      median: 3,
      min: 3,
      outliers: [5],
      spread: 2,
      votes: [vote(3, 'Kari'), vote(3, 'Ola'), vote(3, 'Per'), vote(5, 'Lise')],
    });
    const bars = [...element.querySelectorAll('rect.bar')];
    expect(bars).toHaveLength(5);
    expect([...element.querySelectorAll('text.count')].map((t) => t.textContent)).toEqual(['0', '0', '3', '0', '1']);
    // The outlier bar is hatched (a pattern, not just another colour) and flagged in the axis label.
    expect(bars[4]!.classList.contains('outlier')).toBe(true);
    expect(element.querySelectorAll('text.rank')[4]!.textContent).toContain('⚑');
    expect(element.querySelector('line.median-line')).not.toBeNull();
    const svg = element.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(element.querySelector(`#${titleId}`)!.textContent).toBe('Stemmer for Sannsynlighet');
    expect(element.querySelector(`#${descId}`)!.textContent).toContain('3 – Middels: 3');
    const summary = [...element.querySelectorAll('.summary li')].map((li) => li.textContent?.trim());
    expect(summary).toEqual([
      'Median 3 – Middels av 4 stemmer',
      'Spredning 2 (fra 3 til 5)',
      'Avvikende stemmer: 5 – Svært høy – Lise (5)',
    ]);
  });

  it('should leave names out in anonymous mode and say when everyone agrees', async () => {
    const element = await render({
      count: 2,
      dimension: 'deaths',
      max: 2,
      median: 2,
      min: 2,
      outliers: [],
      spread: 0,
      votes: [vote(2), vote(2)],
    });
    const summary = [...element.querySelectorAll('.summary li')].map((li) => li.textContent?.trim());
    expect(summary).toEqual(['Median 2 – Lav av 2 stemmer', 'Alle stemte likt (spredning 0)']);
  });

  it('should place the median line between two ranks when the median falls between them', async () => {
    const element = await render({
      count: 2,
      dimension: 'likelihood',
      max: 3,
      median: 2.5,
      min: 2,
      outliers: [],
      spread: 1,
      votes: [vote(2), vote(3)],
    });
    const x = Number(element.querySelector('line.median-line')!.getAttribute('x1'));
    const rankX = [...element.querySelectorAll('text.rank')].map((t) => Number(t.getAttribute('x')));
    expect(x).toBeGreaterThan(rankX[1]!);
    expect(x).toBeLessThan(rankX[2]!);
    expect(element.querySelector('.summary li')!.textContent).toContain('Median 2,5 av 2 stemmer');
  });
});
