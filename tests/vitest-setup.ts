import { requireTestdata } from './testdata';

/** Vitest's global set-up: the shared corpora are there, or the run stops saying where to put them. */
export default function setup(): void {
	requireTestdata();
}
