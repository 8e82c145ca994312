import type { PhotoRecord } from './photo-record';

/** The photo's bytes as a Blob, whichever way they were stored. */
export function photoBlob(photo: PhotoRecord): Blob {
	return photo.data instanceof Blob ? photo.data : new Blob([photo.data], { type: photo.type });
}

/**
 * Object URLs for photos shown on a screen, made once per photo and revoked when the photo leaves
 * the screen or the screen goes (call `clear` on destroy), so browsing evidence leaks no memory.
 * A plain cache, not reactive state: the photos shown are the reactive part.
 */
export class PhotoUrls {
	#urls = new Map<string, string>();

	of(photo: PhotoRecord): string {
		let url = this.#urls.get(photo.id);
		if (!url) {
			url = URL.createObjectURL(photoBlob(photo));
			this.#urls.set(photo.id, url);
		}
		return url;
	}

	/** Revokes the URLs of photos no longer shown. */
	keepOnly(ids: Set<string>): void {
		for (const [id, url] of this.#urls) {
			if (!ids.has(id)) {
				URL.revokeObjectURL(url);
				this.#urls.delete(id);
			}
		}
	}

	clear(): void {
		this.keepOnly(new Set());
	}
}
