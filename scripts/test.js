// `npm test`: the unit suite (Vitest), then the end-to-end suite (Playwright against the
// production build), and one closing line that counts both: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Not test-results/: Playwright empties that folder when it starts.
const reports = join(root, '.test-reports');
const env = { ...process.env, CI_TEST_REPORT: '1' };
rmSync(join(reports, 'unit.json'), { force: true });
rmSync(join(reports, 'e2e.json'), { force: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const unit = spawnSync(bin('vitest'), ['run'], { cwd: root, stdio: 'inherit', env });
const e2e = spawnSync(bin('playwright'), ['test'], { cwd: root, stdio: 'inherit', env });

const counts = { passed: 0, failed: 0, skipped: 0 };
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const unitReport = read(join(reports, 'unit.json'));
if (unitReport) {
	counts.passed += unitReport.numPassedTests;
	counts.failed += unitReport.numFailedTests;
	counts.skipped += unitReport.numPendingTests + unitReport.numTodoTests;
}
const e2eReport = read(join(reports, 'e2e.json'));
if (e2eReport) {
	counts.passed += e2eReport.stats.expected + e2eReport.stats.flaky;
	counts.failed += e2eReport.stats.unexpected;
	counts.skipped += e2eReport.stats.skipped;
}
// A runner that crashed before reporting counts as a failure, never as a silent pass.
for (const [name, run, report] of [
	['unit', unit, unitReport],
	['end-to-end', e2e, e2eReport]
]) {
	if (run.status !== 0 && (!report || counts.failed === 0)) {
		console.error(`The ${name} suite did not complete (exit ${run.status ?? run.signal}).`);
		counts.failed += 1;
	}
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(unit.status === 0 && e2e.status === 0 && counts.failed === 0 ? 0 : 1);
