import type { Page } from '@playwright/test';

/** The stores of the app's database, read in the page (Blobs described, not copied). */
export async function stored(page: Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('shelfcheck');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = (name: string) =>
			new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const [inspections, photos, reports] = await Promise.all([
			all('inspections'),
			all('photos'),
			all('reports')
		]);
		db.close();
		return {
			inspections: inspections as Array<{
				answers: Record<string, { verdict: string; reason: string; proposedBy?: 'label' }>;
			}>,
			photos: photos.map(({ data, ...row }) => ({
				...row,
				isBlob: data instanceof Blob
			})) as Array<{
				id: string;
				sha256: string;
				checkId: string;
				usedBy: string[];
				isBlob: boolean;
			}>,
			reports: reports as Array<{ jws: string }>
		};
	});
}
