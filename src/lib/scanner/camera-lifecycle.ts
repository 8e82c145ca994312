/**
 * When the camera runs: only while the inspector has it open AND the page is visible. Hiding the
 * page (another app, the phone's camera for a photo, a locked screen) stops it, so the light goes
 * off and the battery and the camera are free; coming back restarts it. Starting and stopping
 * take time and html5-qrcode refuses overlapping calls, so requests are reconciled one at a time
 * towards the latest wish, however fast they arrive.
 */

export interface CameraDriver {
	start(): Promise<void>;
	stop(): Promise<void>;
}

export type LifecycleState = 'off' | 'starting' | 'running' | 'stopping';

export class CameraLifecycle {
	readonly #driver: CameraDriver;
	readonly #onStartError: (error: unknown) => void;
	readonly #onChange: (state: LifecycleState) => void;
	#wanted = false;
	#visible = true;
	#running = false;
	#state: LifecycleState = 'off';
	#work: Promise<void> = Promise.resolve();
	#reconciling = false;

	constructor(
		driver: CameraDriver,
		{
			onStartError,
			onChange = () => {}
		}: { onStartError: (error: unknown) => void; onChange?: (state: LifecycleState) => void }
	) {
		this.#driver = driver;
		this.#onStartError = onStartError;
		this.#onChange = onChange;
	}

	get state(): LifecycleState {
		return this.#state;
	}

	/** The inspector wants the camera (the scanner is open). */
	open(): Promise<void> {
		this.#wanted = true;
		return this.#reconcile();
	}

	/** The inspector is done with the camera (a code was read, the screen was left). */
	close(): Promise<void> {
		this.#wanted = false;
		return this.#reconcile();
	}

	/** The page was hidden or shown again. */
	setVisible(visible: boolean): Promise<void> {
		this.#visible = visible;
		return this.#reconcile();
	}

	#set(state: LifecycleState): void {
		this.#state = state;
		this.#onChange(state);
	}

	#reconcile(): Promise<void> {
		if (this.#reconciling) return this.#work;
		this.#reconciling = true;
		this.#work = (async () => {
			try {
				// Loop until what runs matches the latest wish: wishes may change while we await.
				for (;;) {
					const shouldRun = this.#wanted && this.#visible;
					if (shouldRun === this.#running) break;
					if (shouldRun) {
						this.#set('starting');
						try {
							await this.#driver.start();
							this.#running = true;
							this.#set('running');
						} catch (error) {
							// A refused or missing camera will not fix itself on the next wish.
							this.#wanted = false;
							this.#set('off');
							this.#onStartError(error);
						}
					} else {
						this.#set('stopping');
						try {
							await this.#driver.stop();
						} catch {
							// A failed stop leaves nothing that a second stop could release.
						}
						this.#running = false;
						this.#set('off');
					}
				}
			} finally {
				this.#reconciling = false;
			}
		})();
		return this.#work;
	}
}
