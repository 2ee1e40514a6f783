import type { Browser, Page } from 'playwright-core';

import { baseUrl, DESKTOP, launchBrowser, newContext, overflowsHorizontally, PHONE, scan, signIn } from '../support/browser';

/** Unit leaders and sector leaders browse their part of the tree and see the management line. */
describe('organisation tree and unit page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(() => browser.close());

  const openTree = async (page: Page) => {
    await page.goto(`${baseUrl}/nb/organisation`);
    const tree = page.getByRole('tree');
    await tree.waitFor();
    return tree;
  };

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ])('should show a sector leader only their sector, with the management line on the unit page (%s)', async (name, viewport) => {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    await signIn(page, 'kommunalsjef.helse');
    const tree = await openTree(page);
    const rootItems = tree.getByRole('treeitem');
    await rootItems.first().waitFor();
    await expect(rootItems.first().textContent()).resolves.toContain('Helse og omsorg');
    await expect(tree.textContent()).resolves.not.toContain('Oppvekst');
    expect(await scan(page, `organisation-tree-${name}`)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Keyboard: focus the first item and open it with Enter.
    await rootItems.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/nb\/organisation\/[0-9a-f-]{36}/);
    const line = page.getByTestId('management-line');
    await line.waitFor();
    await expect(line.textContent()).resolves.toMatch(/Fjordvik kommune|kommunedirektør/i);
    expect(await scan(page, `organisation-unit-${name}`)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await context.close();
  });

  it('should not open a unit of another sector for a sector leader', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'kommunalsjef.oppvekst');
    const ids = await page.evaluate(async () => {
      const response = await fetch('/api/org-units');
      return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    });
    expect(ids).toHaveLength(1);
    await context.close();

    const other = await newContext(browser);
    const helsePage = await other.newPage();
    await signIn(helsePage, 'kommunalsjef.helse');
    const status = await helsePage.evaluate(async (id) => (await fetch(`/api/org-units/${id}`)).status, ids[0]);
    expect(status).toBe(404);
    await other.close();
  });
});
