import { execFileSync } from 'node:child_process';
import { requireTestdata } from '../../tests/testdata';
import { NEXT_BUILD } from './server';

/**
 * The tests run against production builds: the app as it is, and a second build with another
 * version that stands in for "the next release" in the update test. Each is rebuilt only when
 * the sources changed.
 */
export default function globalSetup(): void {
	requireTestdata();
	const script = new URL('../../scripts/build-if-needed.js', import.meta.url).pathname;
	execFileSync(process.execPath, [script], { stdio: 'inherit' });
	execFileSync(process.execPath, [script], {
		stdio: 'inherit',
		env: {
			...process.env,
			SHELFCHECK_BUILD_DIR: NEXT_BUILD.dir,
			SHELFCHECK_BUILD_ID: NEXT_BUILD.id
		}
	});
}
