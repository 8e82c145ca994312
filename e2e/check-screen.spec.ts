import { expect, test, type Page } from '@playwright/test';
import { goOfflineAfterFirstVisit, startInspection } from './support/app';
import { BIG_PHOTO } from './support/device';
import { answerAndGoOn, answerShopVisitScope, shopVisit } from './support/shop-visit';
import { stored } from './support/stored';

async function startShopVisit(page: Page) {
	await startInspection(page, { bundle: 'Shop visit', place: 'Corner Electrics', inspector: 'A' });
	await answerShopVisitScope(page);
	await page.getByRole('button', { name: 'Start checks' }).click();
}

const verdicts = (page: Page) => page.getByRole('radiogroup', { name: 'Verdict' });

test('the question and the Verdict group are in view on every Shop visit check; Pass moves on, Back undoes it', async ({
	page,
	context
}, testInfo) => {
	test.setTimeout(120_000);
	await goOfflineAfterFirstVisit(page, context);
	await startShopVisit(page);

	const bar = page.getByRole('navigation', { name: 'Check navigation' });
	for (let i = 0; i < shopVisit.length; i++) {
		await expect(page.getByText(`Check ${i + 1} of ${shopVisit.length}`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(shopVisit[i]!.title);
		// First meeting on this device: the guidance is open, and still below the verdicts.
		await expect(page.locator('details.guide').first()).toHaveAttribute('open', '');
		const box = (await verdicts(page).boundingBox())!;
		const question = (await page.locator('.question').boundingBox())!;
		const barTop = (await bar.boundingBox())!.y;
		expect(question.y).toBeGreaterThanOrEqual(0);
		expect(box.y).toBeGreaterThan(question.y);
		expect(
			box.y + box.height,
			`${shopVisit[i]!.title}: verdicts above the bar`
		).toBeLessThanOrEqual(barTop);
		if (i === 2)
			await page.screenshot({ path: testInfo.outputPath('check-printed-passwords-390x844.png') });
		await page.getByRole('button', { name: 'Next' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible();

	// Back at check 1: met before, so the guidance is folded. Pass shows its confirmation, then
	// the next check opens by itself.
	await page
		.getByRole('link', { name: /Model designation on the device/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(shopVisit[0]!.title);
	await expect(page.locator('details.guide').first()).not.toHaveAttribute('open', '');
	await verdicts(page).getByRole('radio', { name: 'Pass' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Pass saved' })).toBeVisible();
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();

	// Back undoes the move: the check again, its Pass chosen and still changeable.
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByText(`Check 1 of ${shopVisit.length}`)).toBeVisible();
	await expect(verdicts(page).getByRole('radio', { name: 'Pass' })).toBeChecked();
	await verdicts(page).getByRole('radio', { name: 'Fail' }).check();
	await expect(page.getByRole('textbox', { name: 'Reason (required)' })).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('check-fail-folded-390x844.png') });
	// Any verdict but Pass stays for the reason; a quick reason fills the field, editable.
	await page.getByRole('button', { name: 'No model designation on the device' }).click();
	const reason = page.getByRole('textbox', { name: /^Reason/ });
	await expect(reason).toHaveValue('No model designation on the device');
	await reason.press('End');
	await reason.pressSequentially(', only on the box');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await expect(page.getByText(`Check 1 of ${shopVisit.length}`)).toBeVisible();

	// A Pass can be cancelled before it moves on: Stay here, pressed within the confirmation
	// (in the next frame, so a busy test machine cannot make it late).
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();
	await page.evaluate(async () => {
		document.querySelector<HTMLInputElement>('input[name="verdict"][value="PASS"]')!.click();
		await new Promise(requestAnimationFrame);
		[...document.querySelectorAll('button')].find((b) => b.textContent === 'Stay here')!.click();
	});
	await expect(page.getByRole('button', { name: 'Stay here' })).toHaveCount(0);
	// Longer than the confirmation (700 ms): a move that must not happen can only be waited out.
	await page.waitForTimeout(1_000);
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();
	await page.reload();
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();
	await expect(verdicts(page).getByRole('radio', { name: 'Pass' })).toBeChecked();
	const { inspections } = await stored(page);
	expect(inspections[0]!.answers['ID-01']).toMatchObject({
		verdict: 'FAIL',
		reason: 'No model designation on the device, only on the box'
	});
	expect(inspections[0]!.answers['ID-02']).toMatchObject({ verdict: 'PASS' });
});

test('a reason given in the same task as the verdict is saved, typed or chosen', async ({
	page,
	context
}) => {
	await goOfflineAfterFirstVisit(page, context);
	await startShopVisit(page);

	// The verdict and the first keystroke arrive before the verdict's save has come back: in the
	// same task, or (a quick reason, shown once the verdict is) a few microtasks later.
	const sameTask = (verdict: string, reason: string | null, chip?: string) =>
		page.evaluate(
			async ({ verdict, reason, chip }) => {
				const radio = document.querySelector<HTMLInputElement>(
					`input[name="verdict"][value="${verdict}"]`
				)!;
				radio.click();
				if (chip) {
					const find = () =>
						[...document.querySelectorAll<HTMLButtonElement>('.quick button')].find(
							(button) => button.textContent?.trim() === chip
						);
					for (let i = 0; i < 20 && !find(); i++) await Promise.resolve();
					find()!.click();
				}
				if (reason !== null) {
					const field = document.querySelector<HTMLTextAreaElement>('#reason')!;
					field.value = reason;
					field.dispatchEvent(new Event('input', { bubbles: true }));
				}
			},
			{ verdict, reason, chip }
		);

	await expect(page.getByText(`Check 1 of ${shopVisit.length}`)).toBeVisible();
	await sameTask('INCONCLUSIVE', 'Device sealed in a blister pack.');
	await page.getByRole('button', { name: 'Next' }).click();
	// A Pass with a reason typed at once stays (typing cancels the move on) and keeps the reason.
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();
	await sameTask('PASS', 'Printed on the base and the box.');
	await expect(page.getByText(`Check 2 of ${shopVisit.length}`)).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText(`Check 3 of ${shopVisit.length}`)).toBeVisible();
	await sameTask('NA', null, 'No password, PIN or key printed');

	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('textbox', { name: /^Reason/ })).toHaveValue(
		'No password, PIN or key printed'
	);
	const { inspections } = await stored(page);
	expect(inspections[0]!.answers).toMatchObject({
		'ID-01': { verdict: 'INCONCLUSIVE', reason: 'Device sealed in a blister pack.' },
		'ID-02': { verdict: 'PASS', reason: 'Printed on the base and the box.' },
		'PHY-01': { verdict: 'NA', reason: 'No password, PIN or key printed' }
	});
	await page.getByRole('button', { name: 'Back' }).click();
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByRole('textbox', { name: /^Reason/ })).toHaveValue(
		'Device sealed in a blister pack.'
	);
});

test('one photo linked to three checks is stored once, listed once in the report and cited by each; removed from one it stays on the others', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	await goOfflineAfterFirstVisit(page, context);
	await startShopVisit(page);

	// Check 1: the photo, taken once.
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Add from gallery' }).click();
	await (await chooser).setFiles(BIG_PHOTO);
	await expect(page.getByText('1 of 1 required photo taken')).toBeVisible({ timeout: 30_000 });
	const [taken] = (await stored(page)).photos;
	await answerAndGoOn(page, 0);
	await answerAndGoOn(page, 1);

	// Checks 3, 4 and 5 link it; the fifth then removes it again.
	for (const index of [2, 3, 4]) {
		await expect(page.getByText(`Check ${index + 1} of ${shopVisit.length}`)).toBeVisible();
		// The check still wants a photo, so the ones already taken are listed without a tap.
		await expect(page.getByRole('button', { name: 'Use a photo already taken' })).toHaveAttribute(
			'aria-expanded',
			'true'
		);
		await page
			.getByRole('list', { name: 'Photos already taken' })
			.getByRole('button', { name: /taken for Model designation on the device/ })
			.click();
		await expect(page.getByText('1 of 1 required photo taken')).toBeVisible();
		if (index < 4) await answerAndGoOn(page, index);
	}
	await page.getByRole('list', { name: 'Photos for this check' }).getByRole('link').click();
	await page.getByRole('button', { name: 'Remove from this check' }).click();
	await expect(page.getByRole('dialog')).toContainText(
		'It stays on this device as evidence for Model designation on the device, Printed passwords, Password built from public details.'
	);
	await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
	await expect(page.getByText('0 of 1 required photo taken')).toBeVisible();
	let photo = (await stored(page)).photos.find((p) => p.id === taken!.id)!;
	expect(photo.usedBy).toEqual(['ID-01', 'PHY-01', 'PHY-03']);
	// Still on the others.
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByText('1 of 1 required photo taken')).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).click();

	for (let i = 4; i < shopVisit.length; i++) await answerAndGoOn(page, i);
	await page.getByRole('button', { name: 'Sign report' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Sign report' }).click();
	await expect(page.getByText(/^Finished /)).toBeVisible();

	const { photos, reports } = await stored(page);
	// One record, one Blob, for that photo's bytes.
	const same = photos.filter((p) => p.sha256 === taken!.sha256);
	expect(same).toHaveLength(1);
	photo = same[0]!;
	expect(photo.isBlob).toBe(true);
	const payload = JSON.parse(
		Buffer.from(reports[0]!.jws.split('.')[1]!, 'base64url').toString('utf8')
	) as {
		photos: { sha256: string; takenFor: string }[];
		answers: { checkId: string; photos: string[] }[];
	};
	expect(payload.photos.filter((p) => p.sha256 === photo.sha256)).toEqual([
		expect.objectContaining({ takenFor: 'ID-01' })
	]);
	const citing = payload.answers.filter((a) => a.photos.includes(photo.sha256));
	expect(citing.map((a) => a.checkId)).toEqual(['ID-01', 'PHY-01', 'PHY-03']);
	// The fifth check has its own photo instead.
	expect(payload.answers.find((a) => a.checkId === 'PHY-04')!.photos).toHaveLength(1);
});

test('a photo is offered to the next check that wants a photo of the same thing: the verdict links it, Not this photo declines it', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	await goOfflineAfterFirstVisit(page, context);
	await startShopVisit(page);
	const offered = page.getByRole('list', { name: 'Photos offered' }).getByRole('listitem');
	const photoOf = async (id: string) => (await stored(page)).photos.find((p) => p.id === id)!;

	// Check 1 takes the label photo; nothing was there to offer.
	await expect(offered).toHaveCount(0);
	await answerAndGoOn(page, 0);
	const [label] = (await stored(page)).photos;
	expect(label).toMatchObject({ checkId: 'ID-01', shows: 'label' });

	// Check 2 wants the label and the packaging: the label photo is offered beside the verdicts,
	// in view with them, and is not linked before the verdict.
	await expect(page.getByText('Check 2 of')).toBeVisible();
	await expect(offered).toHaveCount(1);
	await expect(offered).toContainText('Photo of the label');
	await expect(offered).toContainText('taken for Model designation on the device');
	await expect(page.getByText('0 of 2 required photos taken')).toBeVisible();
	await expect(page.getByText('One more is offered beside the verdict.')).toBeVisible();
	const viewport = page.viewportSize()!;
	for (const box of [await verdicts(page).boundingBox(), await offered.boundingBox()])
		expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Add from gallery' }).click();
	await (await chooser).setFiles(BIG_PHOTO);
	await expect(page.getByText('1 of 2 required photos taken')).toBeVisible({ timeout: 30_000 });
	const packaging = (await stored(page)).photos.find((p) => p.id !== label!.id)!;
	// The new photo shows what the check still wanted, the offered label counted.
	expect(packaging).toMatchObject({ checkId: 'ID-02', shows: 'packaging' });
	await expect(offered).toHaveCount(1);
	expect((await photoOf(label!.id)).usedBy).toEqual(['ID-01']);
	await verdicts(page).getByRole('radio', { name: 'Pass' }).check();
	await expect(page.getByText('Check 3 of')).toBeVisible();
	expect((await photoOf(label!.id)).usedBy).toEqual(['ID-01', 'ID-02']);

	// Check 3 offers it again; the inspector declines it, so the verdict links nothing.
	await expect(offered).toHaveCount(1);
	await offered.getByRole('button', { name: 'Not this photo' }).click();
	await expect(offered).toHaveCount(0);
	await expect(page.getByText('0 of 1 required photo taken')).toBeVisible();
	await verdicts(page).getByRole('radio', { name: 'Refer' }).check();
	await page.getByRole('textbox', { name: /^Reason/ }).fill('Sticker under the base.');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	expect((await photoOf(label!.id)).usedBy).toEqual(['ID-01', 'ID-02']);
	await page.getByRole('button', { name: 'Next' }).click();

	// Check 4 wants the label too: a Pass takes the offer.
	await expect(page.getByText('Check 4 of')).toBeVisible();
	await expect(offered).toHaveCount(1);
	await verdicts(page).getByRole('radio', { name: 'Pass' }).check();
	await expect(page.getByText('Check 5 of')).toBeVisible();
	expect((await photoOf(label!.id)).usedBy).toEqual(['ID-01', 'ID-02', 'PHY-03']);
	// Connectors want a photo of the device, which no photo shows yet: nothing is offered.
	await expect(offered).toHaveCount(0);
	// The review counts linked photos: only the declined check is short of one.
	await page.goto(page.url().replace(/checks\/.*$/, 'review'));
	const missing = page.getByRole('region', { name: 'What is missing' });
	await expect(missing).toContainText('Printed passwords');
	await expect(missing).not.toContainText('Same model designation everywhere');
	await expect(missing).not.toContainText('Password built from public details');
	// One Blob per photo taken: two photos on this device.
	expect((await stored(page)).photos).toHaveLength(2);
});

test('deleting a draft deletes its photos', async ({ page, context }) => {
	await goOfflineAfterFirstVisit(page, context);
	await startShopVisit(page);
	await answerAndGoOn(page, 0);
	expect((await stored(page)).photos).toHaveLength(1);
	await page.getByRole('link', { name: 'Shelfcheck' }).click();
	await page.getByRole('button', { name: /^Delete SC-CAM-200/ }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete draft' }).click();
	await expect(page.getByText('No inspections in progress')).toBeVisible();
	expect(await stored(page)).toMatchObject({ inspections: [], photos: [] });
});
