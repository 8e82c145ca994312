// How this project starts Chromium, for the end-to-end tests and the benchmarks alike: the
// installed one (Playwright cannot download its own here), with no background traffic.
export function chromiumLaunchOptions() {
	return {
		executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	};
}
