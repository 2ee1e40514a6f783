import type { Page } from 'playwright-core';

import { baseUrl } from './browser';

/** Opens the filing form and waits until the reporter's own unit is preselected. */
export const openIncidentForm = async (page: Page): Promise<void> => {
  await page.goto(`${baseUrl}/nb/incidents/new`);
  await page.getByRole('heading', { level: 1, name: 'Meld avvik' }).waitFor();
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#incident-unit')?.value ?? '') !== '');
};

export const chooseIncidentCategory = async (page: Page, name: string): Promise<void> => {
  await page.locator('#incident-category').click();
  await page.getByRole('option', { exact: true, name }).click();
};

/** Sends the form that is filled in and returns the case number shown on the confirmation page. */
export const submitIncidentForm = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: 'Send meldingen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Takk! Meldingen er sendt' }).waitFor();
  return (await page.getByTestId('case-number').textContent())?.trim() ?? '';
};
