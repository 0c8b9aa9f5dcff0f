// The portal in a real headless Chromium (Debian's, never a downloaded one), driven by
// playwright-core. portal-bff's PortalInBrowserTest starts the BFF on a fake ledger and gateway and
// runs this with PORTAL_URL; it can also run against ./ledgerline start:
//   PORTAL_URL=http://localhost:8080 node e2e/portal.e2e.mjs
// Screenshots go to SCREENSHOT_DIR (default target/browser-screenshots).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.PORTAL_URL ?? 'http://localhost:8080';
const shots = process.env.SCREENSHOT_DIR ?? 'target/browser-screenshots';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = process.env.PORTAL_PASSWORD ?? 'demo';
const CSRF = 'e2e-csrf-token';
// The partner's unread notifications when the portal runs on PortalInBrowserTest's fake feed.
const EXPECT_UNREAD = process.env.EXPECT_UNREAD;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let step = 'start';
const failures = [];
function check(condition, what) {
  if (!condition) throw new Error(`${step}: ${what}`);
}

async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, baseURL: base });
  // The CSRF contract: with an XSRF-TOKEN cookie present, every state-changing request carries
  // it as X-XSRF-TOKEN. Sign-in replaces the token, so afterwards the header is the server's; a
  // wrong one is the server's 403, which stops the walk.
  await context.addCookies([{ name: 'XSRF-TOKEN', value: CSRF, url: base }]);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/portal/')) {
      // The server issues its own token (and a new one at sign-in); the SPA must send whichever
      // the cookie holds, and a request the server's CSRF check refused would fail its step.
      const header = request.headers()['x-xsrf-token'];
      if (!header) failures.push(`${request.method()} ${request.url()} without X-XSRF-TOKEN`);
    }
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  return { context, page };
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function signIn(page, email) {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function credits(text) {
  // "1,234.50 credits" → 1234500000n micro-credits
  const match = /(−?)([\d,]+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  const ucr = BigInt(match[2].replace(/,/g, '')) * 1_000_000n + BigInt(match[3].padEnd(6, '0'));
  return match[1] ? -ucr : ucr;
}

function format(ucr) {
  const whole = (ucr / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let fraction = (ucr % 1_000_000n).toString().padStart(6, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${whole}.${fraction}`;
}

try {
  // ---- a wrong password is refused in words, on the sign-in page
  step = 'refused sign-in';
  {
    const again = await newPage();
    await again.page.goto('/sign-in');
    await again.page.getByLabel('E-mail').fill('acme@demo.ledgerline');
    await again.page.getByLabel('Password').fill('not-the-password');
    await again.page.getByRole('button', { name: 'Sign in' }).click();
    await again.page.getByRole('alert').filter({ hasText: /not right/ }).waitFor();
    await again.context.close();
  }

  // ---- partner: dashboard → Customers → Manage → add credits → the new balance
  step = 'partner dashboard';
  const partner = await newPage();
  {
    const { page } = partner;
    await signIn(page, 'acme@demo.ledgerline');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: /partner dashboard/ }).waitFor();
    check((await page.getByTestId('available').innerText()).includes('credits'), 'available credits shown');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Dashboard', 'Customers', 'AI Gateway']) {
      check(await nav.getByRole('link', { name: label }).isVisible(), `menu has ${label}`);
    }
    check((await page.getByText('Not built yet').count()) === 0, 'no placeholder');
    await shot(page, '01-partner-dashboard');

    step = 'notification bell';
    const bell = page.getByRole('button', { name: /^Notifications, / });
    const badge = page.getByTestId('bell-badge');
    await badge.waitFor();
    const unread = await badge.innerText();
    if (EXPECT_UNREAD) check(unread === EXPECT_UNREAD, `badge ${unread}, the fake has ${EXPECT_UNREAD} unread`);
    check((await bell.getAttribute('aria-label')) === `Notifications, ${unread} unread`, 'bell labelled with the count');
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const items = panel.getByRole('listitem');
    await items.first().waitFor();
    const listed = await items.count();
    check(listed >= Number(unread), `${listed} items listed for ${unread} unread`);
    check((await panel.getByText('Unread:').count()) === Number(unread), 'each unread item marked');
    await shot(page, '01b-partner-notifications');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await badge.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    check((await panel.getByText('Unread:').count()) === 0, 'no unread marker after mark all read');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();

    step = 'customers list';
    await nav.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByLabel('Search customers').fill('bist');
    await page.getByRole('link', { name: 'Manage Bistro' }).click();
    await page.waitForURL(/\/customers\/customer(:|%3A)bistro$/);

    step = 'add credits';
    const balance = page.getByTestId('customer-balance');
    await balance.waitFor();
    const before = credits(await balance.innerText());
    const add = page.getByRole('form', { name: 'Add credits' });
    await add.getByLabel('Amount (credits)').fill('100');
    await add.getByLabel('Note').fill('Monthly package - browser test');
    await add.getByRole('button', { name: 'Add credits' }).click();
    await add.getByRole('status').filter({ hasText: 'New balance' }).waitFor();
    const expected = before + 100_000_000n;
    await balance.filter({ hasText: format(expected) }).waitFor();
    const after = credits(await balance.innerText());
    check(after === expected, `balance ${after} after adding 100 to ${before}`);
    await page.getByRole('cell', { name: 'Monthly package - browser test', exact: true }).waitFor();

    step = 'deduct more than the balance is refused next to the form';
    const deduct = page.getByRole('form', { name: 'Deduct credits' });
    await deduct.getByLabel('Amount (credits)').fill('99999999');
    await deduct.getByLabel('Reason').fill('too much');
    await deduct.getByRole('button', { name: 'Deduct credits' }).click();
    await deduct.getByRole('alert').filter({ hasText: /INSUFFICIENT_CREDITS|insufficient/i }).waitFor();
    await shot(page, '02-partner-credits-added');

    step = 'deep link survives a reload';
    await page.reload();
    await page.getByTestId('customer-balance').waitFor();
    check(credits(await page.getByTestId('customer-balance').innerText()) === expected, 'balance after reload');

    step = 'features and add-ons: Show Pricing locked off with AI credits (R6), the AI Gateway check (R5)';
    check(await page.getByRole('switch', { name: 'Show Pricing Information' }).isDisabled(), 'Show Pricing locked');
    await page.getByText('Coming Soon', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Check AI Gateway access' }).click();
    await page.getByTestId('ai-gateway-verdict').filter({ hasText: 'All four conditions are met' }).waitFor();
    await shot(page, '02b-partner-customer-features');

    step = 'partner AI Gateway self-service settings';
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI Gateway' }).click();
    await page.getByRole('switch', { name: /Let customers with AI credits/ }).waitFor();
    await shot(page, '03-partner-ai-gateway');

    step = 'partner creates an AI Gateway key with a budget (R10), sees it once, revokes it (R11)';
    check((await page.getByTestId('quick-start-snippet').innerText()).includes('/v1'), 'quick start names the base URL');
    await page.getByRole('button', { name: 'Create Key' }).click();
    const createKey = page.getByRole('dialog', { name: 'Create Key' });
    await createKey.getByLabel('Key Name').fill('Browser bot');
    await createKey.getByLabel('Budget (credits)').fill('200');
    await createKey.getByTestId('budget-total').filter({ hasText: 'Total required' }).waitFor();
    await createKey.getByRole('checkbox', { name: 'gpt-4o-mini' }).check();
    await createKey.getByRole('button', { name: 'Create Key' }).click();
    await page.getByTestId('partner-secret-banner').waitFor();
    const partnerSecret = await page.getByTestId('partner-secret-value').innerText();
    check(partnerSecret.startsWith('llk_'), `partner key secret shown once (${partnerSecret})`);
    await shot(page, '03b-partner-key-created');
    await page.getByRole('button', { name: 'Revoke Browser bot' }).click();
    await page.getByRole('dialog', { name: /Revoke/ }).getByRole('button', { name: 'Revoke key' }).click();
    await page.getByLabel(/Show 1 revoked key/).check();
    await page.getByRole('row', { name: /Browser bot/ }).getByText('REVOKED').waitFor();

    step = 'team: invite a member and see the one-time link (R7)';
    const invitee = `walk-${Date.now()}@example.com`;
    await page.getByRole('navigation', { name: 'Settings & Security' }).getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(/\/team$/);
    const invite = page.getByRole('form', { name: 'Invite a member' });
    await invite.getByLabel('E-mail').fill(invitee);
    await invite.getByLabel('Role').selectOption('AUDITOR');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByTestId('invitation-link').innerText();
    check(link.includes('/#/invitation/'), `invitation link shown (${link})`);
    await shot(page, '03c-partner-team-invited');

    step = 'audit log: the invitation is recorded (R20)';
    await page.getByRole('navigation', { name: 'Settings & Security' }).getByRole('link', { name: 'Audit Log' }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByLabel('Action').selectOption('MEMBER_INVITED');
    await page.getByRole('form', { name: 'Filter the audit log' }).getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('audit-table').getByRole('cell', { name: invitee }).first().waitFor();
    check(
      ((await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '').includes('action=MEMBER_INVITED'),
      'export keeps the filter',
    );

    step = 'sign out';
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    step = 'the invited person joins through the link';
    await page.goto(link);
    const join = page.getByRole('form', { name: 'Join the team' });
    await join.getByLabel('Your name').fill('Walk Auditor');
    await join.getByLabel('Choose a password').fill('a-long-walk-password');
    await join.getByRole('button', { name: 'Join' }).click();
    await page.getByTestId('invitation-accepted').waitFor();
  }
  await partner.context.close();

  // ---- customer: AI Gateway, generate a key (shown once), revoke it
  step = 'customer AI Gateway';
  const customer = await newPage();
  {
    const { page } = customer;
    await signIn(page, 'bistro@demo.ledgerline');
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.getByRole('link', { name: 'AI Gateway' }).first().click();
    await page.waitForURL(/\/ai-gateway$/);
    await page.getByRole('heading', { name: 'One key for every model your provider offers' }).waitFor();
    await page.getByTestId('credits-reminder').waitFor();

    step = 'generate key';
    await page.getByRole('button', { name: 'Generate Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate Key' });
    await dialog.getByLabel('Key name').fill('Browser test key');
    await dialog.getByRole('button', { name: 'Generate Key' }).click();
    await dialog.getByText('Choose at least one model.').waitFor();
    await dialog.getByLabel('gpt-4o-mini').check();
    await dialog.getByRole('button', { name: 'Generate Key' }).click();
    await page.getByTestId('secret-banner').waitFor();
    const secret = await page.getByTestId('secret-value').innerText();
    check(secret.startsWith('llk_'), `secret shown once (${secret})`);
    await page.getByRole('cell', { name: 'Browser test key', exact: true }).waitFor();
    await shot(page, '04-customer-key-created');

    step = 'revoke key';
    await page.getByRole('button', { name: 'I have copied it — hide' }).click();
    check((await page.getByTestId('secret-banner').count()) === 0, 'secret hidden');
    await page.getByRole('button', { name: 'Revoke Browser test key' }).click();
    const confirm = page.getByRole('dialog', { name: /Revoke/ });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('cell', { name: 'Browser test key', exact: true }).waitFor({ state: 'detached' });
    await page.getByLabel(/Show 1 revoked key/).check();
    await page.getByText('REVOKED', { exact: true }).waitFor();

    step = 'customer buys a plan with a test card';
    await page.getByRole('link', { name: 'Billing & Payments' }).first().click();
    await page.waitForURL(/\/billing/);
    await page.getByRole('tab', { name: 'AI Credits' }).click();
    const balance = page.getByTestId('ai-balance');
    await balance.waitFor();
    const before = credits(await balance.innerText());
    await page.getByRole('button', { name: 'Purchase Credits' }).click();
    const buy = page.getByRole('dialog', { name: 'Purchase Credits' });
    await buy.getByLabel(/Starter 100/).check();
    await buy.getByLabel('Card number').fill('4242 4242 4242 4242');
    await buy.getByLabel('Expiry month').fill('12');
    await buy.getByLabel('Expiry year').fill('2031');
    await buy.getByRole('button', { name: 'Save card' }).click();
    await buy.getByLabel('Pay with').waitFor();
    await buy.getByRole('button', { name: 'Buy now' }).click();
    await buy.waitFor({ state: 'detached' });
    const expected = before + 100_000_000n;
    await balance.filter({ hasText: format(expected) }).waitFor();
    check(credits(await balance.innerText()) === expected, `AI credits ${format(expected)} after the purchase`);
    await page.getByRole('status').filter({ hasText: '$60.00' }).waitFor();
    await shot(page, '04b-customer-bought-credits');

    step = 'the purchase is a paid invoice; the default card is charged automatically';
    await page.getByRole('tab', { name: 'Invoices' }).click();
    await page.getByTestId('invoices').getByText('Paid', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Payment Methods' }).click();
    await page.getByTestId('default-charged').waitFor();
    await page.getByText(/Visa •••• 4242/).waitFor();
    await shot(page, '04c-customer-payment-methods');

    step = 'customer opens a conversation to its cost lines';
    await page.getByRole('link', { name: 'Conversations' }).first().click();
    await page.waitForURL(/\/conversations$/);
    await page.getByTestId('conversations').waitFor();
    await page.getByRole('button', { name: /^Open conversation / }).first().click();
    await page.getByTestId('cost-lines').getByText('LLM').waitFor();
    await page.keyboard.press('Escape');

    step = 'customer reads Detailed Usage per day and kind';
    await page.getByRole('link', { name: 'Detailed Usage' }).first().click();
    await page.waitForURL(/\/usage$/);
    await page.getByTestId('usage-days').getByText('Agent calls').waitFor();
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const exported = await page.evaluate(async (href) => (await fetch(href)).text(), csv);
    check(exported.startsWith('day,kind,uses'), `CSV export (${exported.slice(0, 40)})`);
    await shot(page, '04d-customer-detailed-usage');
  }
  await customer.context.close();

  // ---- phone width: the menu folds behind a button and still works from the keyboard
  step = 'phone width';
  const phone = await newPage({ width: 390, height: 844 });
  {
    const { page } = phone;
    await signIn(page, 'bistro@demo.ledgerline');
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    check(await menu.isVisible(), 'menu button at phone width');
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'AI Gateway', exact: true }).waitFor();
    await shot(page, '05-customer-phone');

    step = 'phone width notifications';
    await page.keyboard.press('Escape');
    const bell = page.getByRole('button', { name: /^Notifications, / });
    check(await bell.isVisible(), 'bell in the top bar at phone width');
    const before = await bell.getAttribute('aria-label');
    await bell.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const unreadItem = panel.getByRole('button', { name: /^Unread: / }).first();
    await panel.getByRole('listitem').first().waitFor();
    const box = await panel.boundingBox();
    check(box && box.x >= 0 && box.x + box.width <= 390, `panel inside the screen (${JSON.stringify(box)})`);
    await shot(page, '05b-customer-phone-notifications');
    if (before !== 'Notifications, none unread') {
      const unreadBefore = await panel.getByText('Unread:').count();
      await unreadItem.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('.bell-item.unread').length === n,
        unreadBefore - 1,
      );
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `no sideways scrolling at phone width (${overflow}px)`);

    step = 'phone width billing';
    await page.goto('/billing?tab=ai-credits');
    await page.getByTestId('ai-balance').waitFor();
    await shot(page, '05c-customer-phone-billing');
    const billingOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(billingOverflow <= 1, `no sideways scrolling on Billing at phone width (${billingOverflow}px)`);
  }
  await phone.context.close();

  if (failures.length) throw new Error(failures.join('\n'));
  console.log('portal e2e: all steps passed; screenshots in ' + shots);
} catch (error) {
  console.error(`portal e2e failed at step "${step}": ${error.stack ?? error}`);
  if (failures.length) console.error(failures.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
