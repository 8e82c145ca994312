import { describe, expect, it } from 'vitest';
import { catalogue } from '$lib/catalogue';
import type { PhotoRecord } from '$lib/evidence/photo-record';
import { answerCheck, createInspection, indicationLabels, setScopeAnswer } from '$lib/inspection';
import { fingerprintFromKeyId } from '$lib/signing';
import { buildReportDocument } from './build';
import type { ReportPhoto } from '$lib/contract/report-document';
import { formatUtc, photoVisibility, reportContent } from './pdf-content';

const T = '2026-11-22T10:00:00.000Z';
const hex = (c: string) => c.repeat(64);
/** 32 zero bytes in base64url: a well-formed RFC 7638 thumbprint. */
const KID = 'A'.repeat(43);

function photo(sha: string, extra: Partial<ReportPhoto> = {}): ReportPhoto {
	return {
		sha256: hex(sha),
		bytes: 1000,
		type: 'image/jpeg',
		width: 750,
		height: 1000,
		capturedAt: T,
		takenFor: 'PHY-01',
		caption: '',
		derivedFrom: null,
		derivation: null,
		marks: [],
		location: null,
		...extra
	};
}

const copyOf = (sha: string, parent: string, derivation: 'redaction' | 'annotation') =>
	photo(sha, { derivedFrom: hex(parent), derivation });

function shownOf(photos: ReportPhoto[]): string[] {
	const visibility = photoVisibility(photos);
	return photos.filter((p) => visibility.get(p.sha256)?.shown).map((p) => p.sha256[0]!);
}

describe('photoVisibility', () => {
	it('shows a redacted copy and never its original', () => {
		const photos = [photo('a'), copyOf('b', 'a', 'redaction'), photo('c')];
		expect(shownOf(photos)).toEqual(['b', 'c']);
		expect(photoVisibility(photos).get(hex('a'))).toEqual({
			shown: false,
			because: 'Not shown: its redacted copy, photo 2, replaces it.'
		});
	});

	it('shows marked-up copies in place of their original', () => {
		const photos = [photo('a'), copyOf('b', 'a', 'annotation'), copyOf('c', 'a', 'annotation')];
		expect(shownOf(photos)).toEqual(['b', 'c']);
		expect(photoVisibility(photos).get(hex('a'))).toMatchObject({
			because: 'Not shown: its marked-up copies, photos 2, 3, replace it.'
		});
	});

	it('hides an annotation made from an original that has a redaction', () => {
		// The annotation shows what the redaction hides.
		const photos = [photo('a'), copyOf('b', 'a', 'redaction'), copyOf('c', 'a', 'annotation')];
		expect(shownOf(photos)).toEqual(['b']);
		expect(photoVisibility(photos).get(hex('c'))).toMatchObject({
			because: 'Not shown: it was made from photo 1 without its redaction (photo 2).'
		});
	});

	it('shows an annotation of a redacted copy, and neither photo before it', () => {
		const photos = [photo('a'), copyOf('b', 'a', 'redaction'), copyOf('c', 'b', 'annotation')];
		expect(shownOf(photos)).toEqual(['c']);
	});

	it('shows every redaction of the same original', () => {
		const photos = [photo('a'), copyOf('b', 'a', 'redaction'), copyOf('c', 'a', 'redaction')];
		expect(shownOf(photos)).toEqual(['b', 'c']);
	});

	it('survives a loop in derivedFrom (a corrupt document) without hanging', () => {
		const photos = [copyOf('a', 'b', 'annotation'), copyOf('b', 'a', 'annotation')];
		expect(shownOf(photos)).toEqual([]);
	});
});

describe('formatUtc', () => {
	it('prints UTC whatever the local zone, and passes through what is not a date', () => {
		expect(formatUtc('2026-03-29T00:30:00.000Z')).toBe('29 Mar 2026, 00:30 UTC');
		expect(formatUtc('2026-12-01T23:05:00.000+01:00')).toBe('1 Dec 2026, 22:05 UTC');
		expect(formatUtc('2026-12-01T23:05:00.000Z', false)).toBe('1 Dec 2026');
		expect(formatUtc('yesterday')).toBe('yesterday');
	});
});

describe('reportContent', () => {
	function document(photos: PhotoRecord[] = [], catalogueVersion = catalogue.version) {
		let inspection = createInspection({
			id: 'i',
			now: T,
			catalogue,
			bundleId: 'shop-visit',
			place: { kind: 'shop', name: 'Corner Electrics', address: '1 High St' },
			inspector: 'A. Officer',
			product: { gtin: '05012345678900', model: 'SC-CAM-200', brand: 'Acme' }
		});
		inspection = setScopeAnswer(inspection, 'usesPasswords', 'no', T);
		inspection = answerCheck(inspection, catalogue, 'ID-01', 'PASS', '', T);
		inspection = answerCheck(inspection, catalogue, 'DOC-06', 'FAIL', 'No period shown', T);
		inspection = answerCheck(
			inspection,
			catalogue,
			'DOC-07',
			'INCONCLUSIVE',
			'Page would not load',
			T
		);
		return buildReportDocument({
			inspection: { ...inspection, status: 'finished', finishedAt: T, catalogueVersion },
			catalogue,
			photos,
			reportId: '3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b',
			supersedes: null,
			device: { keyId: KID, publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } },
			appVersion: '0.1.0+test',
			previousReportHash: null,
			finishedAt: T
		});
	}

	const record = (id: string, checkId: string, sha: string, extra: Partial<PhotoRecord> = {}) =>
		({
			id,
			inspectionId: 'i',
			checkId,
			data: new ArrayBuffer(1),
			sha256: hex(sha),
			bytes: 1234,
			type: 'image/jpeg',
			width: 1536,
			height: 2048,
			capturedAt: T,
			caption: `Caption ${id}`,
			...extra
		}) satisfies PhotoRecord;

	it('puts the PSTI summary in its order, in the roll-up’s honest words', () => {
		const content = reportContent(document(), catalogue, hex('f'));
		expect(content.pstiSummary.map((line) => [line.id, line.indication.words])).toEqual([
			// "No passwords" takes PSTI-1 out, with that answer as the signed reason.
			['PSTI-1', indicationLabels.NA],
			['PSTI-2', 'Inconclusive'],
			['PSTI-3', 'Indication: fails'],
			['PSTI-SOC', 'Not yet answered']
		]);
		expect(content.pstiSummary[2]).toMatchObject({
			indication: { symbol: 'cross' },
			checks: ['DOC-06']
		});
		expect(content.pstiFacts[0]).toBe(
			'The UK PSTI security requirements apply from 29 April 2024 (SI 2023/1007).'
		);
		expect(content.pstiFacts.join(' ')).toMatch(
			/PSTI-1 \(passwords\): deemed met through EN 303 645 V2\.1\.1 \(2020-06\) 5\.1-1 and, where relevant, 5\.1-2/
		);
		expect(content.pstiFacts.join(' ')).toMatch(
			/ISO\/IEC 29147:2018 paragraphs 6\.2\.2, 6\.2\.5 and 6\.5/
		);
		expect(content.pstiFacts.join(' ')).toMatch(/not verified/);
	});

	it('says an excepted product’s PSTI outcomes are not applicable once, naming the category', () => {
		const signed = document();
		const excepted = {
			...signed,
			scope: { ...signed.scope, pstiExcepted: 'yes' as const },
			scopeDetail: { pstiExcepted: 'medical-devices' },
			rollup: signed.rollup.map((section) =>
				section.framework !== 'PSTI'
					? section
					: {
							...section,
							provisions: section.provisions.map((p) => ({
								...p,
								outcome: 'NA' as const,
								checks: [],
								reason: 'Scope answer: excepted (Medical devices).'
							}))
						}
			)
		};
		const content = reportContent(excepted, catalogue, hex('f'));
		expect(content.pstiNotApplicableReason).toBe('Scope answer: excepted (Medical devices).');
		expect(content.frameworks.find((f) => f.id === 'PSTI')?.notApplicableReason).toBe(
			'Scope answer: excepted (Medical devices).'
		);
		expect(content.pstiFacts[1]).toMatch(
			/^Excepted category recorded by the inspector: Medical devices; the category list is not verified/
		);
		expect(content.pstiFacts).toHaveLength(2);
	});

	it('rolls up all five frameworks and accounts for every provision', () => {
		const content = reportContent(document(), catalogue, hex('f'));
		expect(content.frameworks.map((f) => f.shortName)).toEqual([
			'EN 303 645',
			'PSTI',
			'CI checklist',
			'Mozilla minimum standards',
			'UK Code of Practice'
		]);
		for (const framework of content.frameworks) {
			const ids = catalogue.provisions.filter((p) => p.framework === framework.id).map((p) => p.id);
			expect([...framework.assessed.map((p) => p.id), ...framework.notAssessed].sort()).toEqual(
				ids.sort()
			);
		}
		const en = content.frameworks[0]!;
		expect(en.assessed.find((p) => p.id === '5.3-13')).toMatchObject({
			title: 'Support period published',
			obligation: 'shall',
			outcome: 'FAIL',
			indication: { symbol: 'cross', words: 'Indication: fails' }
		});
		expect(en.counts[0]).toEqual({ outcome: 'FAIL', words: 'Indication: fails', count: 1 });
	});

	it('shows each answer with its verdict word, shape, reason and provisions', () => {
		const content = reportContent(document(), catalogue, hex('f'));
		expect(content.checks.map((c) => [c.id, c.indication.words, c.indication.symbol])).toEqual([
			['ID-01', 'Pass', 'tick'],
			['DOC-06', 'Fail', 'cross'],
			['DOC-07', 'Inconclusive', 'question']
		]);
		expect(content.checks[1]).toMatchObject({
			title: "Support period on the maker's website",
			reason: 'No period shown',
			answeredAt: '22 Nov 2026, 10:00 UTC'
		});
		expect(content.checks[1]!.provisions).toContain('EN 303 645 5.3-13');
		expect(content.checks[1]!.provisions).toContain('PSTI-3');
		expect(content.verdictSummary).toBe('3 checks answered: 1 Fail, 1 Inconclusive, 1 Pass.');
	});

	it('words a screening pass as No issue seen where the document or its catalogue gives the kind', () => {
		const signed = document();
		// ID-01 shows; a PHY-01 Pass (a screening check) reads "No issue seen", with a lens. The
		// answers carry no kind, as a document signed with this catalogue before schema 2.
		const { kind: _kind, ...unkinded } = signed.answers[0]!;
		const withScreen = {
			...signed,
			answers: [
				...signed.answers.map(({ kind: _k, ...answer }) => answer),
				{ ...unkinded, checkId: 'PHY-01' },
				{ ...unkinded, checkId: 'PHY-03', verdict: 'FAIL' as const }
			]
		};
		const now = reportContent(withScreen, catalogue, hex('f'));
		expect(now.checks.slice(3).map((c) => [c.id, c.shownAs, c.indication])).toEqual([
			['PHY-01', 'NO_ISSUE', { symbol: 'lens', words: 'No issue seen' }],
			['PHY-03', 'FAIL', { symbol: 'cross', words: 'Fail' }]
		]);
		expect(now.verdictSummary).toBe(
			'5 checks answered: 2 Fail, 1 Inconclusive, 1 Pass, 1 No issue seen.'
		);
		expect(now.checks[3]!.provisions).toContain('EN 303 645 5.1-1 (in part)');

		// Signed under an older catalogue, with no kinds: the words it was signed with.
		const old = reportContent(
			{ ...withScreen, catalogueVersion: '2026.11.1' },
			catalogue,
			hex('f')
		);
		expect(old.checks[3]!.indication).toEqual({ symbol: 'tick', words: 'Pass' });
		// A kind the document records wins, whatever the catalogue.
		const v2 = {
			...withScreen,
			catalogueVersion: '2026.11.1',
			answers: withScreen.answers.map((a) => ({ ...a, kind: 'screens' as const }))
		};
		expect(reportContent(v2, catalogue, hex('f')).checks[0]!.indication.words).toBe(
			'No issue seen'
		);
	});

	it('keeps the outcomes and words as signed, and carries what was not covered', () => {
		const signed = document();
		const old = {
			...signed,
			catalogueVersion: '2026.11.1',
			rollup: [
				{
					framework: 'PSTI',
					provisions: [
						{ id: 'PSTI-1', outcome: 'PASS' as const, checks: ['PHY-01'] },
						{
							id: 'PSTI-3',
							outcome: 'PARTLY' as const,
							checks: ['DOC-06'],
							notCovered: 'DOC-04 is not part of this inspection'
						}
					]
				}
			]
		};
		const content = reportContent(old, catalogue, hex('f'));
		expect(content.pstiSummary.map((line) => [line.id, line.indication])).toEqual([
			['PSTI-1', { symbol: 'tick', words: 'Indication: meets' }],
			['PSTI-3', { symbol: 'half', words: 'Partly indicated' }]
		]);
		expect(content.pstiSummary[1]!.notCovered).toBe('DOC-04 is not part of this inspection');
		expect(content.pstiSummary[0]!.notCovered).toBeUndefined();
	});

	it('marks shall, should and conditional provisions', () => {
		const content = reportContent(document(), catalogue, hex('f'));
		const en = content.frameworks[0]!;
		expect(en.assessed.find((p) => p.id === '5.1-1')).toMatchObject({
			obligation: 'shall',
			conditional: true
		});
		expect(en.assessed.find((p) => p.id === '5.3-13')).not.toHaveProperty('conditional');
		expect(content.shallShould).toMatch(/unmet “should” is not on its own a failure/);
	});

	it('shows the redacted copy with its check, the original only in the appendix', () => {
		const content = reportContent(
			document([
				record('p0', 'identify', 'a'),
				record('p1', 'ID-01', 'b'),
				record('p2', 'ID-01', 'c', { derivedFrom: 'p1', derivation: 'redaction' })
			]),
			catalogue,
			hex('f')
		);
		expect(content.identification.map((p) => p.number)).toEqual([1]);
		expect(content.checks[0]!.photos).toEqual([
			{
				sha256: hex('c'),
				number: 3,
				caption: 'Caption p2',
				note: 'Redacted copy of photo 2',
				width: 1536,
				height: 2048
			}
		]);
		expect(content.photos.map((p) => [p.number, p.step, p.shown])).toEqual([
			[1, 'Identification', true],
			[2, 'ID-01', false],
			[3, 'ID-01', true]
		]);
		expect(content.photos[1]!.hiddenBecause).toMatch(/redacted copy, photo 3/);
	});

	it('names the product, the key and the QR payload; notes a catalogue other than the one used', () => {
		const content = reportContent(document([], '2026.10.1'), catalogue, hex('f'));
		expect(content.title).toBe('Acme SC-CAM-200');
		expect(content.notice).toBe('Field indications, not a conformance assessment.');
		expect(content.signature.fingerprint).toBe(fingerprintFromKeyId(KID));
		expect(content.signature.qrPayload).toBe(
			`shelfcheck:report:3f1b2a9e-8c1d-4e55-9a0b-1c2d3e4f5a6b:${hex('f')}`
		);
		expect(content.catalogueNote).toMatch(/inspection used 2026\.10\.1/);
		expect(reportContent(document(), catalogue, hex('f')).catalogueNote).toBeUndefined();
	});
});
