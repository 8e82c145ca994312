import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { testdataUrl } from '../../tests/testdata';

type VerdictName = 'Pass' | 'Fail' | 'Not applicable' | 'Inconclusive' | 'Refer';

/** The Shop visit's checks as a new user meets them, with the answers this test gives. */
export const shopVisit: Array<{ title: string; verdict: VerdictName; reason?: string }> = [
	{ title: 'Model designation on the device', verdict: 'Pass' },
	{ title: 'Same model designation everywhere', verdict: 'Pass' },
	{
		title: 'Printed passwords',
		verdict: 'Refer',
		reason: 'Sticker under the base reads admin / admin.'
	},
	{ title: 'Password built from public details', verdict: 'Pass' },
	{ title: 'Connectors within reach', verdict: 'Pass' },
	{ title: 'Debug port within reach', verdict: 'Not applicable', reason: 'Sealed case, no ports.' },
	{ title: 'A way to wipe the device', verdict: 'Pass' },
	{ title: 'Sensors described', verdict: 'Pass' },
	{
		title: 'Security claims and marks',
		verdict: 'Not applicable',
		reason: 'No security claims or marks on the pack.'
	},
	{ title: 'Statement of compliance with the product', verdict: 'Pass' },
	{
		title: 'What the statement of compliance says',
		verdict: 'Inconclusive',
		reason: 'Only page 1 in the box.'
	},
	{
		title: "Support period on the maker's website",
		verdict: 'Fail',
		reason: 'No support period on the product page.'
	},
	{
		title: 'Support period with an end date',
		verdict: 'Fail',
		reason: 'Says "regular updates", no date.'
	},
	{ title: "Support period on the maker's own shop", verdict: 'Pass' },
	{ title: 'How to report a security problem', verdict: 'Pass' },
	{ title: 'Privacy information', verdict: 'Pass' }
];

const labelPhoto = fileURLToPath(testdataUrl('photos/label-small-upright.jpg'));

/**
 * Answers the Shop visit's check number `index` (0-based), taking the photos it asks for; with
 * `verdict`, that verdict instead of the planned one (a reason is still typed where one is needed).
 */
export async function answer(page: Page, index: number, verdict?: VerdictName) {
	const planned = shopVisit[index]!;
	const step = verdict
		? { ...planned, verdict, reason: verdict === 'Pass' ? undefined : (planned.reason ?? 'Seen.') }
		: planned;
	await expect(page.getByText(`Check ${index + 1} of ${shopVisit.length}`)).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
	// Take the photos the check asks for, as an officer would before answering.
	const wanted = page.getByText(/^0 of (\d+) required photos? taken$/);
	if (step.verdict !== 'Not applicable' && (await wanted.count()) > 0) {
		const count = Number(/of (\d+)/.exec((await wanted.textContent())!)![1]);
		const chooser = page.waitForEvent('filechooser');
		await page.getByRole('button', { name: 'Add from gallery' }).click();
		await (await chooser).setFiles(Array(count).fill(labelPhoto));
		await expect(page.getByText(`${count} of ${count} required`)).toBeVisible();
	}
	await page
		.getByRole('radiogroup', { name: 'Verdict' })
		.getByRole('radio', { name: step.verdict })
		.check();
	if (step.reason) await page.getByRole('textbox', { name: /^Reason/ }).fill(step.reason);
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
}

/** The scope answers that leave every Shop visit check above on (a connected, non-child product). */
export async function answerShopVisitScope(page: Page): Promise<void> {
	const scope: Array<[RegExp, string]> = [
		[/connect to the internet/, 'Yes'],
		[/category the UK product security law leaves out/, 'No'],
		[/use a password or PIN/, 'Yes'],
		[/software be updated/, 'Yes'],
		[/phone app or an online account/, 'Yes'],
		[/made or marketed for children/, 'No']
	];
	for (const [question, choice] of scope) {
		await page
			.getByRole('group', { name: question })
			.getByRole('radio', { name: choice, exact: true })
			.check();
	}
	await expect(page.getByText(`${shopVisit.length} checks apply.`)).toBeVisible();
}
